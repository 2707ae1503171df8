// `npm run build`: the hosted deck in one folder for any static host, under DECK_BASE (or --base):
// Slidev's build, then the two PDFs, a copy of the page per slide for hosts without rewrites,
// slide 1 and the reading view drawn into the HTML, and gzip and brotli copies (docs/hosting.md).
import { Buffer } from 'node:buffer'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { brotliCompressSync } from 'node:zlib'
import { chromium as playwright } from 'playwright-chromium'
import { ExportError, pdfName, printPdf, readDeckInfo } from '../exports/print.ts'
import { BASE_ENV, DeployConfigError, resolveBase, resolveSiteUrl, SITE_URL_ENV } from '../hosting/base-path.ts'
import { precompress, removeCopies } from '../hosting/compress.ts'
import { captureFirstScreen, withFirstScreen } from '../hosting/first-screen/capture-first-screen.ts'
import { copyBuiltPage, START_CHUNK } from '../hosting/first-screen/start-script.ts'
import { firstScreenFontFace } from '../hosting/font-subset.ts'
import { SERVICE_WORKER_FILE } from '../hosting/headers.ts'
import { usedFiles, withPrecached } from '../hosting/offline/pwa.ts'
import { captureReadingPage, withReadingPage } from '../hosting/reading-view/capture-reading-page.ts'
import { removeUnusedDiagramChunks } from '../hosting/unused-features/unused-diagram-chunks.ts'
import { RELAY_URL_ENV, resolveRelayUrl, writeRelayDeck } from '../relay/relay-plugin.ts'
import { CHROMIUM_ARGS, ChromiumNotFoundError, findChromium, playwrightBrowsersEnv } from './chromium.ts'
import { serveDist } from './serve-dist.ts'
import { talkLength } from './talk-length.ts'

const root = join(import.meta.dirname, '..')

function fail(message: string): never {
  console.error(`[build] ${message}`)
  process.exit(1)
}

// --base and --out are ours; every other argument goes to `slidev build` as it is
// (--without-notes, --router-mode hash, ...).
const flags: { base?: string, out: string } = { out: 'dist' }
const passThrough: string[] = []
for (let i = 2; i < process.argv.length; i++) {
  const own = process.argv[i].match(/^--(base|out)(?:=(.*))?$/)
  if (own)
    flags[own[1] as 'base' | 'out'] = own[2] ?? process.argv[++i]
  else
    passThrough.push(process.argv[i])
}

// A mistake in the settings, the deck or the machine ends the build with one line naming it.
process.on('uncaughtException', (error) => {
  if (error instanceof ChromiumNotFoundError)
    fail(`the build exports the PDF and the OG image, so it needs a browser. ${error.message}`)
  if (error instanceof DeployConfigError || error instanceof ExportError)
    fail(error.message)
  console.error(error)
  process.exit(1)
})

const base = flags.base !== undefined ? resolveBase(flags.base, '--base') : resolveBase(process.env[BASE_ENV])
resolveSiteUrl(process.env[SITE_URL_ENV], base)
const relay = resolveRelayUrl(process.env[RELAY_URL_ENV])
const outDir = resolve(root, flags.out)
const chromium = findChromium()
// The OG image step launches Playwright without an executable path: lead it to ours.
const browserEnv = playwrightBrowsersEnv(chromium, join(root, 'node_modules', '.cache', 'deck-chromium'))

// Slidev reuses an og-image.png found in the project instead of rendering the title slide,
// and leaves the one it renders there: remove it before and after, so it is never stale.
const rootOgImage = join(root, 'og-image.png')
rmSync(rootOgImage, { force: true })

const slidev = join(root, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
if (!existsSync(slidev))
  fail(`${slidev} is missing: run npm ci first`)

const deck = await readDeckInfo(root)
// A presenter who adds notes learns before the meeting that the talk no longer fits its slot.
const talk = await talkLength(root).catch((error: Error) => fail(error.message))
if (!talk.fits)
  fail(talk.message)
console.log(`[build] ${talk.message}`)
console.log(`[build] base ${base}, out ${relative(root, outDir)}/, chromium ${chromium}${relay
  ? `, following the presenter through the relay at ${relay.origin}`
  : ''}`)
// --timeout: the OG image's wait, which Slidev's build reads from the command line only.
const slidevBuild = ['build', '--base', base, '--out', outDir, '--executable-path', chromium, '--timeout', String(deck.timeout)]
const env = { ...process.env, ...browserEnv, [BASE_ENV]: base }
const result = spawnSync(process.execPath, [slidev, ...slidevBuild, ...passThrough], { cwd: root, stdio: 'inherit', env })
rmSync(rootOgImage, { force: true })
if (result.status !== 0)
  process.exit(result.status ?? 1)
removeCopies(outDir)

// Route shells: the SPA's own index.html under each slide's path.
const slides = deck.levels.length
const index = join(outDir, 'index.html')
mkdirSync(join(outDir, 'presenter'), { recursive: true })
copyFileSync(index, join(outDir, 'presenter', 'index.html'))
for (let no = 1; no <= slides; no++) {
  copyFileSync(index, join(outDir, `${no}.html`))
  copyFileSync(index, join(outDir, 'presenter', `${no}.html`))
}
// From the built deck served under its base path: the two PDFs, then read.html and the first
// screen. 404.html, the presenter and the other slides' copies keep the plain index.html.
{
  const server = await serveDist(outDir)
  const browser = await playwright.launch({ executablePath: chromium, args: CHROMIUM_ARGS })
  try {
    // One page for both: the handout is drawn from the slides' app, with no second load.
    // No service worker: it would download the whole deck for offline use while we print.
    const page = await browser.newPage({ colorScheme: 'light', serviceWorkers: 'block' })
    for (const kind of ['slides', 'handout'] as const) {
      const { pages, seconds } = await printPdf(page, server.url, kind, deck, join(outDir, pdfName(kind, deck)))
      console.log(`[build] ${pdfName(kind, deck)}: ${pages} pages in ${seconds.toFixed(1)} s`)
      if (relay && kind === 'slides')
        console.log(`[build] ${await writeRelayDeck(page, slides, outDir)}`)
    }
    await page.close()
    const starts = readdirSync(join(outDir, 'assets')).filter(name => name.startsWith(`${START_CHUNK}-`) && name.endsWith('.js'))
    if (starts.length !== 1)
      fail(`${relative(root, outDir)}/assets/ has ${starts.length} ${START_CHUNK}-*.js files, not one: vite.config.ts builds it (deckStart)`)
    const start = `${base}assets/${starts[0]}`
    const plain = readFileSync(index, 'utf8')
    // What the deck's views ask for is what its offline copy holds (hosting/offline/pwa.ts).
    const requested = new Set<string>()
    const reading = await captureReadingPage(browser, `${server.url}read`, deck.timeout, requested)
    const readingHtml = withReadingPage(plain, reading, (path) => {
      if (!path.startsWith(base))
        fail(`the reading view applies ${path}, which is not under the base path ${base}`)
      return readFileSync(join(outDir, path.slice(base.length)), 'utf8')
    }, start)
    writeFileSync(join(outDir, 'read.html'), readingHtml)
    console.log(`[build] reading view: ${(Buffer.byteLength(readingHtml) / 1000).toFixed(0)} KB in read.html`)
    const screen = await captureFirstScreen(browser, `${server.url}1`, 1, requested)
    await copyBuiltPage(browser, `${server.url}presenter/1`, { width: 1280, height: 720 }, page => page.waitForLoadState('networkidle'), requested)
    const html = withFirstScreen(plain, screen, start, await firstScreenFontFace(screen.letters))
    writeFileSync(index, html)
    writeFileSync(join(outDir, '1.html'), html)
    console.log(`[build] first screen: slide 1, ${(Buffer.byteLength(screen.markup) / 1000).toFixed(1)} KB of markup in index.html and 1.html`)
    const serviceWorker = join(outDir, SERVICE_WORKER_FILE)
    const offline = { ...usedFiles(outDir, base, requested), 'index.html': html, 'read.html': readingHtml }
    writeFileSync(serviceWorker, withPrecached(readFileSync(serviceWorker, 'utf8'), offline))
    const brotli = Object.values(offline).reduce((sum, content) => sum + brotliCompressSync(content).length, 0)
    console.log(`[build] offline copy: ${Object.keys(offline).length} files the deck's views use, ${(brotli / 1000).toFixed(0)} KB brotli, and the icons`)
    const removed = removeUnusedDiagramChunks(outDir, base, requested)
    console.log(`[build] left out ${removed.files} chunks Mermaid loads only for diagrams no slide draws, ${(removed.bytes / 1e6).toFixed(2)} MB`)
  }
  finally {
    await browser.close()
    await server.close()
  }
}

// Branch-based GitHub Pages runs Jekyll, which drops files starting with "_" (Slidev's _redirects).
writeFileSync(join(outDir, '.nojekyll'), '')

// Last, once no file changes any more: the gzip and brotli copies (hosting/compress.ts).
const compressed = await precompress(outDir)
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`
console.log(`[build] ${compressed.files} text files, ${mb(compressed.raw)}: gzip copies ${mb(compressed.gzip)}, brotli copies ${mb(compressed.br)}`)

function folderBytes(folder: string): number {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0)
}
const pdfs = readdirSync(outDir).filter(name => name.endsWith('.pdf'))
if (!existsSync(join(outDir, 'og-image.png')))
  fail(`no og-image.png in ${relative(root, outDir)}/: check "seoMeta.ogImage: auto" in slides.md`)
console.log(`[build] ${relative(root, outDir)}/: ${(folderBytes(outDir) / 1e6).toFixed(1)} MB, ${slides} slides, PDF ${pdfs.join(', ')}, served under ${base}`)
