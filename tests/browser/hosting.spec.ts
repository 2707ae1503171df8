// The hosted deck as someone who follows a link gets it, under the base path it was built for
// (the test build uses /deck/), from a host with rewrites (Netlify, Vercel, nginx) and from one
// without (GitHub Pages): deep links and reloads, the base path, the PDF download, the link
// preview, the Content-Security-Policy, a phone's screen, and the presenter view.
import type { Page, Response } from '@playwright/test'
import type { Buffer } from 'node:buffer'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { HASHED_ASSET_CACHE_CONTROL, SECURITY_HEADERS } from '../../hosting/headers'
import { builtBase, githubPagesPort } from '../../scripts/serve-dist'
import { loadDeck } from '../support/deck'
import { meanDifference } from '../support/images'
import { expectLiveSlide, openSlide, startLiveDeck } from '../support/live-deck'

const slides = await loadDeck()
const BASE = builtBase()
// The headmatter is the first slide's frontmatter.
const { title: TITLE, exportFilename } = slides[0].frontmatter as { title: string, exportFilename: string }

/** The two hosts the deck is served from: each gives the deck's address from the main one's. */
const HOSTS: Record<string, (baseURL: string) => string> = {
  'a host with rewrites': baseURL => baseURL,
  'GitHub Pages': (baseURL) => {
    const url = new URL(baseURL)
    url.port = String(githubPagesPort(Number(url.port)))
    return url.href
  },
}

/** Every request the page makes to its own host, to check each one stays under the base path. */
function ownRequests(page: Page, origin: string): string[] {
  const paths: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.origin === origin)
      paths.push(url.pathname)
  })
  return paths
}

/** Saves a PDF through its nav bar button (the slides by default), which fades in under the pointer. */
async function downloadPdf(page: Page, title: string | RegExp = 'Download as PDF') {
  const button = page.getByTitle(title)
  await button.hover({ force: true })
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    button.click(),
  ])
  return download
}

function expectUnderBase(paths: string[]) {
  expect(paths.length).toBeGreaterThan(0)
  expect(paths.filter(path => !path.startsWith(BASE)), 'requests outside the base path').toEqual([])
  expect(paths.filter(path => path.startsWith(`${BASE}${BASE.slice(1)}`)), 'requests with the base path doubled').toEqual([])
}

for (const [host, deckOn] of Object.entries(HOSTS)) {
  test.describe(`on ${host}`, () => {
    // Every address answers with the deck; the router then reads all of them alike, so the
    // browser opens a few that differ (the first screen's copy, the first and last of the rest).
    test('every slide\'s and presenter\'s deep link answers 200 with the deck', async ({ request, baseURL }) => {
      const root = deckOn(baseURL!)
      for (const path of [
        '',
        'presenter/',
        ...slides.flatMap(({ no }) => [`${no}`, `presenter/${no}`]),
      ]) {
        const response = await request.get(`${root}${path}`, { maxRedirects: 0 })
        expect(response.status(), `${BASE}${path}`).toBe(200)
        expect(await response.text(), `${BASE}${path}`).toContain('<div id="app">')
      }
    })

    test('a deep link shows its slide, before and after a reload', async ({ page, baseURL }) => {
      const root = deckOn(baseURL!)
      const paths = ownRequests(page, new URL(root).origin)
      for (const no of [1, 2, slides.length]) {
        // The slide on screen is the wait: the load event waits on more than it needs.
        await page.goto(`${root}${no}`, { waitUntil: 'commit' })
        const shown = async () => {
          if (no === 1)
            await startLiveDeck(page)
          await expectLiveSlide(page, no)
        }
        await shown()
        await page.reload({ waitUntil: 'commit' })
        await shown()
        expect(new URL(page.url()).pathname).toBe(`${BASE}${no}`)
      }
      expectUnderBase(paths)
    })

    test('the bare base path redirects to the deck', async ({ page, baseURL }) => {
      const root = deckOn(baseURL!)
      await page.goto(root.replace(/\/$/, ''))
      await startLiveDeck(page)
      await expectLiveSlide(page, 1)
      expect(new URL(page.url()).pathname).toBe(`${BASE}1`)
    })
  })
}

for (const route of ['1', 'presenter/3']) {
  test(`the download button on ${BASE}${route} saves the talk's PDF`, async ({ page }) => {
    await page.goto(route)
    await startLiveDeck(page)
    await page.waitForLoadState('networkidle')
    const download = await downloadPdf(page)
    expect(download.suggestedFilename()).toBe(`${TITLE}.pdf`)
    const file = join(mkdtempSync(join(tmpdir(), 'deck-download-')), 'download.pdf')
    await download.saveAs(file)
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const pages = Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)?.[1])
    expect(pages).toBe(slides.length)
  })
}

test('the handout button beside it saves the handout: A4, every slide with its notes', async ({ page }) => {
  await page.goto('presenter/3')
  await page.waitForLoadState('networkidle')
  const download = await downloadPdf(page, /^Download the handout/)
  expect(download.suggestedFilename()).toBe(`${TITLE} (handout).pdf`)
  const file = join(mkdtempSync(join(tmpdir(), 'deck-download-')), 'handout.pdf')
  await download.saveAs(file)
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
  expect(info).toMatch(/^Page size:.*\(A4\)$/m)
  // Two slides to a page where they fit (pdf.spec.ts reads the handout page by page).
  expect(Number(info.match(/^Pages:\s+(\d+)/m)?.[1])).toBeGreaterThanOrEqual(Math.ceil(slides.length / 2))
})

test('the link preview: title, description, an OG image of the title slide and our favicon, all from this host', async ({ page, request }) => {
  await page.goto('5')
  const meta = (selector: string) => page.locator(selector).getAttribute('content')
  expect(await meta('meta[property="og:title"]')).toBe(TITLE)
  const description = await meta('meta[name="description"]')
  expect(description).toMatch(/^A talk of the essay/)
  expect(description, 'no JSON quotes or escapes left in the description').not.toMatch(/^"|"$|\\n/)
  expect((await meta('meta[property="og:description"]'))!.length).toBeGreaterThan(40)
  expect(await meta('meta[property="twitter:card"]')).toBe('summary_large_image')

  const image = new URL((await meta('meta[property="og:image"]'))!, page.url())
  expect(image.origin).toBe(new URL(page.url()).origin)
  expect(image.pathname).toBe(`${BASE}og-image.png`)
  const png = await request.get(image.href)
  expect(png.status()).toBe(200)
  expect(png.headers()['content-type']).toBe('image/png')
  const bytes = await png.body()
  expect(bytes.subarray(1, 4).toString()).toBe('PNG')
  expect(bytes.readUInt32BE(16), 'OG image width').toBeGreaterThanOrEqual(900)

  const icon = new URL((await page.locator('link[rel="icon"]').getAttribute('href'))!, page.url())
  expect(icon.pathname).toBe(`${BASE}favicon.svg`)
  const svg = await request.get(icon.href)
  expect(svg.status()).toBe(200)
  expect(svg.headers()['content-type']).toContain('image/svg+xml')
})

test.describe('the OG image', () => {
  test.use({
    viewport: { width: 980, height: 551 },
    deviceScaleFactor: 1,
    colorScheme: 'light',
  })

  test('is the title slide of this build', async ({ page, request }) => {
    const image = await (await request.get('og-image.png')).body()
    const shot = async (no: number) => {
      await openSlide(page, no)
      await page.waitForLoadState('networkidle')
      return page.locator('#slide-content').screenshot({ animations: 'disabled' })
    }
    const [title, next] = [await shot(1), await shot(2)]
    await page.goto('about:blank') // away from the deck's CSP, which allows no data: fetch
    const difference = (a: Buffer, b: Buffer) => meanDifference(page, a, b)
    const toTitle = await difference(image, title)
    const toNext = await difference(image, next)
    expect(typeof toTitle === 'number' && toTitle < 3, `OG image vs slide 1: ${toTitle}`).toBe(true)
    expect(typeof toNext === 'number' && toNext > 3 * (toTitle as number), `OG image vs slide 2: ${toNext}`).toBe(true)
  })
})

// quality.spec.ts walks every slide and click under the shipped CSP; this walks the other views,
// the offline worker's registration and download included.
test.describe(() => {
  test.use({ serviceWorkers: 'allow' })
  test('the presenter, overview, print and notes views, light and dark, and the PDF download keep to the shipped Content-Security-Policy and the base path and find every file they ask for', async ({ page, baseURL }) => {
    const violations: string[] = []
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`)
      })
    })
    page.on('console', (message) => {
      if (/Content Security Policy|CSP violation/i.test(message.text()))
        violations.push(`${page.url()}: ${message.text()}`)
    })
    const paths = ownRequests(page, new URL(baseURL!).origin)
    // The build leaves out what no view asks for (unused-diagram-chunks.ts): every view, in both
    // schemes, finds every file it asks for.
    const missing: string[] = []
    page.on('response', (response) => {
      if (response.status() >= 400)
        missing.push(`${response.status()} ${response.url()}`)
    })
    const first = await page.goto('1') as Response
    expect(first.headers()['content-security-policy']).toBe(SECURITY_HEADERS['Content-Security-Policy'])
    expect(first.headers()['x-content-type-options']).toBe('nosniff')
    expect(first.headers()['referrer-policy']).toBe(SECURITY_HEADERS['Referrer-Policy'])
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const view of ['presenter/12', 'overview', 'print', 'notes']) {
        await page.goto(view)
        await page.waitForLoadState('networkidle')
      }
    }
    // The PDF download goes through fetch and a blob: URL.
    await openSlide(page, 1)
    await downloadPdf(page)
    expectUnderBase(paths)
    expect(violations).toEqual([])
    expect(missing, 'requests answered with an error').toEqual([])
  })
})

test('only hashed assets are cached for long', async ({ page, request, baseURL }) => {
  const assets: string[] = []
  page.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith(`${BASE}assets/`))
      assets.push(response.url())
  })
  await page.goto('1')
  await page.waitForLoadState('networkidle')
  expect(assets.length).toBeGreaterThan(3)
  for (const asset of assets) {
    const response = await request.get(asset)
    expect(response.headers()['cache-control'], asset).toBe(HASHED_ASSET_CACHE_CONTROL)
    // A hashed name: name-<8+ url-safe characters>.ext
    expect(new URL(asset).pathname, 'asset without a content hash').toMatch(/-[\w-]{8,}\.\w+$/)
  }
  for (const path of [
    '',
    '5',
    'og-image.png',
    'favicon.svg',
    `${exportFilename}.pdf`,
  ]) {
    const response = await request.get(`${baseURL}${path}`)
    expect(response.headers()['cache-control'] ?? '', `${BASE}${path}`).not.toContain('immutable')
  }
})

for (const [name, viewport] of [
  [
    'portrait',
    { width: 390, height: 844 },
  ],
  [
    'landscape',
    { width: 844, height: 390 },
  ],
] as const) {
  test.describe(`on a phone in ${name}`, () => {
    test.use({ viewport, isMobile: true, hasTouch: true, deviceScaleFactor: 3 })

    test('the slide fills the screen\'s width or height and nothing covers it', async ({ page }) => {
      for (const no of [1, slides.find(slide => slide.face.includes('<CareerTimeline'))!.no]) {
        // ?slides: in portrait a visitor is otherwise offered the reading view (reading.spec.ts).
        await openSlide(page, no, '?slides')
        const slide = await page.locator('#slide-content').boundingBox()
        expect(slide).not.toBeNull()
        const { x, y, width, height } = slide!
        // Inside the screen, and using all of its width (portrait) or height (landscape).
        expect(x).toBeGreaterThanOrEqual(-0.5)
        expect(y).toBeGreaterThanOrEqual(-0.5)
        expect(x + width).toBeLessThanOrEqual(viewport.width + 0.5)
        expect(y + height).toBeLessThanOrEqual(viewport.height + 0.5)
        expect(Math.max(width / viewport.width, height / viewport.height)).toBeGreaterThan(0.95)
        // Slidev keeps the nav bar shown on a portrait screen and fades it in under a finger
        // otherwise: where it is shown, none of its buttons may sit on the slide.
        const nav = page.locator('#page-root nav')
        await expect(nav.getByRole('button').first()).toBeAttached()
        const shown = await nav.evaluate(element => Number(getComputedStyle(element.parentElement!).opacity) > 0)
        const covering = await nav.getByRole('button').evaluateAll((buttons, slide) => buttons
          .map(button => button.getBoundingClientRect())
          .filter(box => box.width > 0 && box.x < slide.x + slide.width && box.x + box.width > slide.x && box.y < slide.y + slide.height && box.y + box.height > slide.y)
          .map(box => `${Math.round(box.x)},${Math.round(box.y)}`), { x, y, width, height })
        if (shown)
          expect(covering, 'nav buttons on the slide').toEqual([])
      }
      await page.screenshot({ path: `test-results/phone-${name}.png` })
    })
  })
}

test('the presenter view works from the hosted build: notes, timer and the next slide', async ({ page }) => {
  await page.goto('presenter/2')
  await expect(page.locator('.slidev-note')).toContainText(slides[1].notes.trim().split(/\s+/).slice(0, 4).join(' '))
  await expect(page.locator('.grid-section.next [data-slidev-no="3"]')).toBeVisible()
  // The timer counts the talk's 20 minutes down once started.
  const timer = page.locator('.font-mono', { hasText: ':' }).first()
  await expect(timer).toHaveText(/^20\s*:\s*00$/)
  await timer.hover()
  await page.locator('.i-carbon\\:play').click()
  await expect(timer).toHaveText(/^19\s*:\s*5\d$/)
  await page.keyboard.press('ArrowRight')
  await expect(page).toHaveURL(new RegExp(`${BASE}presenter/3$`))
  await expect(page.locator('.grid-section.main [data-slidev-no="3"]')).toBeVisible()
})

test('the HTML asks for slide 1\'s font up front, and its route and slide as the app starts, not after it has run', async ({ page, request }) => {
  const html = await (await request.get('')).text()
  // Slidev's modules wait in the start script's attributes until the app starts (hosting/first-screen/start-script.ts).
  const preloads = [
    ...[
      ...html.matchAll(/<link rel="(preload)"[^>]*href="([^"]+)"/g),
    ].map(([, rel, href]) => `${rel} ${href}`),
    ...(html.match(/ data-preload="([^"]*)"/)?.[1].split(' ') ?? []).map(href => `modulepreload ${href}`),
  ]
  expect(preloads.some(link => new RegExp(`^modulepreload ${BASE}assets/slidev/play-[\\w-]+\\.js$`).test(link)), 'the play route').toBe(true)
  expect(preloads.some(link => new RegExp(`^preload ${BASE}assets/inter-latin-wght-normal-[\\w-]+\\.woff2$`).test(link)), 'the Latin Inter font').toBe(true)
  // Each preloaded file is fetched exactly once: a preload whose crossorigin mode differs from
  // the later request is fetched twice, which costs more than no preload.
  const requested: string[] = []
  page.on('request', r => requested.push(new URL(r.url()).pathname))
  await openSlide(page, 1)
  await page.waitForLoadState('networkidle')
  for (const link of preloads) {
    const path = link.split(' ')[1]
    expect(requested.filter(p => p === path), path).toHaveLength(1)
  }
})
