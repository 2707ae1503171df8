// `npm run export`, `export:handout`, `export:pptx`, `export:all`: the deck's files, named after the talk.
// The PDFs print from one Slidev dev server (print.ts); the PowerPoint is Slidev's editable export, on its own
// server, finished for a reader with what that dev server's print view shows (pptx-for-readers.ts).
import type { SlideContents } from './pptx-for-readers.ts'
import type { DeckInfo, PrintKind } from './print.ts'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import JSZip from 'jszip'
import { chromium as playwright } from 'playwright-chromium'
import { CHROMIUM_ARGS, ChromiumNotFoundError, findChromium } from '../scripts/chromium.ts'
import { finishPptx, readSlideContents } from './pptx-for-readers.ts'
import { ExportError, openPrintedView, pdfName, printPdf, readDeckInfo } from './print.ts'

/** The PDFs each command prints; `pptx` and `all` also make the PowerPoint. */
const PDFS: Record<string, PrintKind[]> = { pdf: ['slides'], handout: ['handout'], pptx: [], all: ['slides', 'handout'] }

const root = join(import.meta.dirname, '..')
const [kind, outFlag, outValue] = process.argv.slice(2)
if (!Object.hasOwn(PDFS, kind) || (outFlag !== undefined && (outFlag !== '--out' || !outValue))) {
  console.error(`usage: node exports/export.ts <${Object.keys(PDFS).join('|')}> [--out folder]`)
  process.exit(2)
}
/** Where the files go: the project folder unless --out names another. */
const outDir = resolve(root, outValue ?? '.')
mkdirSync(outDir, { recursive: true })

function fail(message: string): never {
  console.error(`[export] ${message}`)
  process.exit(1)
}

// Slidev's pptx-editable export, checked: on a busy machine it may read slides not yet drawn
// and still exit 0, so such a file gets one more try.
async function exportPptx(chromium: string, output: string, expected: number) {
  const slidev = join(root, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
  const name = relative(root, output)
  for (let attempt = 1; ; attempt++) {
    console.log(`[export] ${name} with ${chromium}`)
    const args = ['export', '--format', 'pptx-editable', '--output', output, '--executable-path', chromium]
    const child = spawn(process.execPath, [slidev, ...args], { cwd: root, stdio: 'inherit' })
    const [code] = await once(child, 'close')
    if (code !== 0)
      fail(`Slidev's PowerPoint export failed (exit code ${code ?? 1})`)
    const zip = await JSZip.loadAsync(readFileSync(output))
    const slides = zip.file(/^ppt\/slides\/slide\d+\.xml$/)
    const texts = await Promise.all(slides.map(slide => slide.async('string')))
    const loading = slides.filter((_, i) => texts[i].includes('Loading slide'))
      .map(slide => Number(slide.name.match(/(\d+)\.xml$/)![1]))
    const problem = slides.length !== expected
      ? `has ${slides.length} slides, the deck ${expected}`
      : loading.length
        ? `has slides still loading when Slidev read them: ${loading.sort((a, b) => a - b).join(', ')}`
        : undefined
    if (!problem)
      return
    if (attempt === 2)
      fail(`${name} ${problem}`)
    console.warn(`[export] ${name} ${problem}; exporting it again`)
  }
}

/**
 * The PDFs of `kinds` from one dev server and one browser page; and, for the PowerPoint, what
 * Slidev's print view shows on each slide (its headline, its figures' text alternatives).
 */
async function printPdfs(chromium: string, deck: DeckInfo, kinds: PrintKind[], readSlides: boolean) {
  // Imported here: loading Slidev takes seconds, and a missing browser should be told at once.
  const { createServer, resolveOptions } = await import('@slidev/cli')
  const options = await resolveOptions({ entry: join(root, 'slides.md') }, 'export')
  const server = await createServer(options, {
    server: { host: '127.0.0.1', port: 18724 },
    logLevel: 'warn',
    clearScreen: false,
  })
  await server.listen()
  const browser = await playwright.launch({ executablePath: chromium, args: CHROMIUM_ARGS })
  // One page for all: each view is drawn from the first one's app, with no second load.
  const page = await browser.newPage({ colorScheme: 'light' })
  const url = server.resolvedUrls!.local[0]
  try {
    let contents: SlideContents[] | undefined
    if (readSlides) {
      await openPrintedView(page, url, 'slides', deck)
      contents = await readSlideContents(page)
    }
    for (const printKind of kinds) {
      const output = join(outDir, pdfName(printKind, deck))
      const { pages, seconds } = await printPdf(page, url, printKind, deck, output)
      console.log(`[export] ${relative(root, output)}: ${pages} pages in ${seconds.toFixed(1)} s`)
    }
    return contents
  }
  finally {
    await browser.close()
    await server.close()
  }
}

try {
  const chromium = findChromium()
  const deck = await readDeckInfo(root)
  const wantsPptx = kind === 'pptx' || kind === 'all'
  const output = join(outDir, `${deck.exportFilename}.pptx`)
  const pptx = wantsPptx ? exportPptx(chromium, output, deck.levels.length) : undefined
  const contents = await printPdfs(chromium, deck, PDFS[kind], wantsPptx)
  await pptx
  if (contents) {
    const zip = await JSZip.loadAsync(readFileSync(output))
    const problems = await finishPptx(zip, contents)
    if (problems.length > 0)
      fail(`${relative(root, output)}:\n${problems.join('\n')}`)
    writeFileSync(output, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))
  }
}
catch (error) {
  if (error instanceof ExportError || error instanceof ChromiumNotFoundError)
    fail(error.message)
  throw error
}
