// Every slide of the built deck on one sheet per colour scheme, each at its last click, so a
// look at the whole talk takes a minute: reports/contact-sheet-light.png and -dark.png.
// Usage: npm run build && npm run contact-sheet
import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { chromium } from 'playwright-chromium'
import { UNDRAWN_SLIDE } from '../exports/print.ts'
import { CHROMIUM_ARGS, findChromium } from './chromium.ts'
import { DIST, serveDist } from './serve-dist.ts'

const OUT = join(import.meta.dirname, '..', 'reports')
const COLUMNS = 4
const THUMB = { width: 490, height: 276 }

if (!existsSync(join(DIST, 'index.html'))) {
  console.error('contact-sheet: dist/ has no built deck; run npm run build first')
  process.exit(1)
}
const server = await serveDist(DIST)
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
mkdirSync(OUT, { recursive: true })

try {
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({
      viewport: { width: 980, height: 552 },
      colorScheme: scheme,
      reducedMotion: 'reduce',
      serviceWorkers: 'block',
    })
    await page.goto(`${server.url}print`)
    await page.locator('.print-slide-container').first().waitFor()
    await page.waitForLoadState('networkidle')
    await page.waitForFunction(undrawn => !document.querySelector(undrawn)
      && [...document.querySelectorAll('.mermaid')].every(host => host.shadowRoot?.querySelector('svg')), UNDRAWN_SLIDE)
    const shots = []
    for (const slide of await page.locator('.print-slide-container').all())
      shots.push((await slide.screenshot({ scale: 'css' })).toString('base64'))
    // One HTML page lays the thumbnails out, numbered, and Chromium photographs all of it.
    const sheet = await browser.newPage()
    const figures = shots.map((png, i) =>
      `<figure><figcaption>${i + 1}</figcaption><img src="data:image/png;base64,${png}"></figure>`)
    const [background, ink] = scheme === 'dark' ? ['#222', '#eee'] : ['#ddd', '#222']
    await sheet.setContent(`<style>
      body { margin: 0; padding: 6px 12px; background: ${background}; color: ${ink}; font: 600 16px sans-serif;
        display: inline-grid; grid-template-columns: repeat(${COLUMNS}, ${THUMB.width}px); gap: 6px 12px }
      figure { margin: 0 }
      img { width: ${THUMB.width}px; height: ${THUMB.height}px; display: block; outline: 1px solid #888 }
    </style>${figures.join('')}`)
    const file = join(OUT, `contact-sheet-${scheme}.png`)
    await sheet.screenshot({ path: file, fullPage: true })
    console.log(`contact-sheet: ${shots.length} slides -> ${file}`)
    await Promise.all([page.close(), sheet.close()])
  }
}
finally {
  await browser.close()
  await server.close()
}
