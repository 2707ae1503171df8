// `npm run export`, `export:handout`, `export:pptx`, `export:all`: the deck's files, named after the
// talk. The PDFs are printed from one Slidev dev server (print.ts); the PowerPoint is Slidev's own
// editable export, which runs its own server beside them.
import type { PrintKind } from './print.ts'
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import process from 'node:process'
import { createServer, resolveOptions } from '@slidev/cli'
import JSZip from 'jszip'
import { chromium as playwright } from 'playwright-chromium'
import { CHROMIUM_ARGS, ChromiumNotFoundError, findChromium } from '../scripts/chromium.ts'
import { ExportError, pdfName, printPdf, readDeckInfo } from './print.ts'

const KINDS = ['pdf', 'handout', 'pptx', 'all'] as const
type Kind = typeof KINDS[number]

const root = join(import.meta.dirname, '..')
const [kind, outFlag, outValue] = process.argv.slice(2) as [Kind, string?, string?]
if (!KINDS.includes(kind) || (outFlag !== undefined && (outFlag !== '--out' || !outValue))) {
  console.error(`usage: node exports/export.ts <${KINDS.join('|')}> [--out folder]`)
  process.exit(2)
}
/** Where the files go: the project folder unless --out names another. */
const outDir = resolve(root, outValue ?? '.')
mkdirSync(outDir, { recursive: true })

function fail(message: string): never {
  console.error(`[export] ${message}`)
  process.exit(1)
}

let chromium: string
try {
  chromium = findChromium()
}
catch (error) {
  if (error instanceof ChromiumNotFoundError)
    fail(error.message)
  throw error
}
const slidev = join(root, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
if (!existsSync(slidev))
  fail(`${slidev} is missing: run npm ci first`)

/** Slidev's `export --format pptx-editable`; resolves with its exit code. */
function exportPptx(output: string): Promise<number> {
  console.log(`[export] ${relative(root, output)} with ${chromium}`)
  const child = spawn(process.execPath, [
    slidev,
    'export',
    '--format',
    'pptx-editable',
    '--output',
    output,
    '--executable-path',
    chromium,
  ], { cwd: root, stdio: 'inherit' })
  return new Promise(done => child.on('close', code => done(code ?? 1)))
}

/** How many slides the PowerPoint at `output` has, and which of them still say Slidev's "Loading slide...". */
async function readPptx(output: string): Promise<{ slides: number, loading: number[] }> {
  const zip = await JSZip.loadAsync(readFileSync(output))
  const files = Object.keys(zip.files).filter(name => /^ppt\/slides\/slide\d+\.xml$/.test(name))
  const loading: number[] = []
  for (const name of files) {
    if ((await zip.file(name)!.async('string')).includes('Loading slide'))
      loading.push(Number(name.match(/(\d+)\.xml$/)![1]))
  }
  return {
    slides: files.length,
    loading: loading.sort((a, b) => a - b),
  }
}

/**
 * Slidev's PowerPoint export, checked: Slidev looks at its print view once, at network idle, and
 * on a busy machine that can come before the deck has drawn (an empty or half-loaded file, with
 * exit code 0). Such a file gets one more try, then fails naming what is wrong.
 */
async function exportCheckedPptx(output: string, expected: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const code = await exportPptx(output)
    if (code !== 0)
      fail(`Slidev's PowerPoint export failed (exit code ${code})`)
    const { slides, loading } = await readPptx(output)
    const problem = slides !== expected
      ? `has ${slides} slides, the deck ${expected}`
      : loading.length
        ? `has slides still loading when Slidev read them: ${loading.join(', ')}`
        : undefined
    if (!problem)
      return
    if (attempt === 2)
      fail(`${relative(root, output)} ${problem}`)
    console.warn(`[export] ${relative(root, output)} ${problem}; exporting it again`)
  }
}

/** Both PDFs of `kinds` from one dev server and one browser. */
async function printPdfs(deck: Awaited<ReturnType<typeof readDeckInfo>>, kinds: PrintKind[]) {
  const options = await resolveOptions({
    entry: join(root, 'slides.md'),
  }, 'export')
  const server = await createServer(options, {
    server: { host: '127.0.0.1', port: 18724 },
    logLevel: 'warn',
    clearScreen: false,
  })
  await server.listen()
  const browser = await playwright.launch({ executablePath: chromium, args: CHROMIUM_ARGS })
  // One page for both: the second is drawn from the first one's app, with no second load.
  const page = await browser.newPage({ colorScheme: 'light' })
  try {
    for (const printKind of kinds) {
      const output = join(outDir, pdfName(printKind, deck))
      const { pages, seconds } = await printPdf(page, server.resolvedUrls!.local[0], printKind, deck, output)
      console.log(`[export] ${relative(root, output)}: ${pages} pages in ${seconds.toFixed(1)} s`)
    }
  }
  finally {
    await browser.close()
    await server.close()
  }
}

try {
  const deck = await readDeckInfo(root)
  const pptx = kind === 'pptx' || kind === 'all'
    ? exportCheckedPptx(join(outDir, `${deck.exportFilename}.pptx`), deck.levels.length)
    : Promise.resolve()
  if (kind !== 'pptx') {
    await printPdfs(deck, kind === 'pdf'
      ? ['slides']
      : kind === 'handout'
        ? ['handout']
        : ['slides', 'handout'])
  }
  await pptx
}
catch (error) {
  if (error instanceof ExportError)
    fail(error.message)
  throw error
}
