// `npm run bench`: this deck against Slidev's own starter, built and measured in one run on this
// machine. Prints the table, writes docs/performance.md, and exits 1 when a budget in
// scripts/bench/budgets.ts breaks. Options: --runs N (cold loads per deck, default 7).
import type { Bytes, LoadRun } from './bench/browser.ts'
import type { LighthouseResult } from './lighthouse.ts'
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { load } from '@slidev/parser/fs'
import JSZip from 'jszip'
import { chromium } from 'playwright-chromium'
import { precompress } from '../hosting/compress.ts'
import { measureLoad, measureNextSlide } from './bench/browser.ts'
import { BUDGETS } from './bench/budgets.ts'
import { run } from './bench/processes.ts'
import { measureRelay } from './bench/relay-viewers.ts'
import { installedVersion, prepareStarter } from './bench/starter.ts'
import { CHROMIUM_ARGS, findChromium } from './chromium.ts'
import { lighthouse } from './lighthouse.ts'
import { serveDist } from './serve-dist.ts'

const root = join(import.meta.dirname, '..')
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
  },
})
const runs = Math.max(5, Number(values.runs))
const chromiumPath = findChromium()
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function median(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
const pages = (pdf: string) => Number(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)![1])
async function loadSlides(dir: string) {
  return (await load({
    roots: [dir],
    userRoot: dir,
  }, join(dir, 'slides.md'))).slides
}

// 1. The two decks, built the way each is meant to be built.
const starter = prepareStarter()
const slidevBin = (dir: string) => join(dir, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
console.log('[bench] building this deck (npm run build: the site, its PDF and its OG image)')
const oursBuild = await run(npm, ['run', 'build'], { cwd: root })
console.log('[bench] building the starter (its npm run build: slidev build)')
const starterBuild = await run(process.execPath, [
  slidevBin(starter.dir),
  'build',
], { cwd: starter.dir })
// Both decks are served with brotli and gzip copies, as a host that precompresses sends them:
// ours writes its own; the starter's are made here, the same way.
await precompress(join(starter.dir, 'dist'))

// 2. The exports, all in (dev server, browser, every page), as `npm run export*` runs them, one
// by one and all three at once; and
// Slidev's own `slidev export` of this deck and of the starter, for comparison.
console.log('[bench] exporting: our three files, then Slidev\'s PDF of this deck and of the starter')
const outDir = join(root, 'node_modules', '.cache', 'deck-bench')
mkdirSync(outDir, { recursive: true })
const exportFilename = (await loadSlides(root))[0].frontmatter.exportFilename as string
const ourFiles = {
  'slides PDF': { script: 'export', file: `${exportFilename}.pdf` },
  'handout PDF': { script: 'export:handout', file: `${exportFilename}-handout.pdf` },
  'PowerPoint': { script: 'export:pptx', file: `${exportFilename}.pptx` },
}
const ourExports: Record<string, { seconds: number, pages: number }> = {}
for (const [name, { script, file }] of Object.entries(ourFiles)) {
  rmSync(join(outDir, file), { force: true })
  const { seconds } = await run(npm, ['run', script, '--', '--out', outDir], { cwd: root })
  const count = file.endsWith('.pptx')
    ? Object.keys((await JSZip.loadAsync(readFileSync(join(outDir, file)))).files).filter(name => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length
    : pages(join(outDir, file))
  ourExports[name] = { seconds, pages: count }
  rmSync(join(outDir, file), { force: true })
}
// All three in one go, as `npm run export:all` writes them.
const all = await run(npm, ['run', 'export:all', '--', '--out', outDir], { cwd: root })
for (const { file } of Object.values(ourFiles)) {
  if (!existsSync(join(outDir, file)))
    throw new Error(`npm run export:all did not write ${file}`)
  rmSync(join(outDir, file), { force: true })
}
const allExports = {
  seconds: all.seconds,
  pages: Object.values(ourExports).reduce((total, { pages: count }) => total + count, 0),
}
const slidevPdfFile = join(outDir, 'slidev-export.pdf')
const slidevPdf = await run(process.execPath, [
  slidevBin(root),
  'export',
  '--output',
  slidevPdfFile,
  '--executable-path',
  chromiumPath,
  '--timeout',
  '600000',
], { cwd: root })
const starterPdfFile = join(outDir, 'starter.pdf')
const starterPdf = await run(process.execPath, [
  slidevBin(starter.dir),
  'export',
  '--output',
  starterPdfFile,
  '--executable-path',
  chromiumPath,
  '--timeout',
  '600000',
], { cwd: starter.dir })

// 3. In the browser.
const [oursSlides, starterSlides] = [await loadSlides(root), await loadSlides(starter.dir)]
const decks = {
  ours: {
    dist: join(root, 'dist'),
    slides: oursSlides.length,
    title: oursSlides[0].title!,
    port: 4380,
  },
  starter: {
    dist: join(starter.dir, 'dist'),
    slides: starterSlides.length,
    title: starterSlides[0].title!,
    port: 4381,
  },
}
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
const loads: Record<keyof typeof decks, LoadRun[]> = { ours: [], starter: [] }
const audits: Record<string, LighthouseResult> = {}
const nextSlide: Record<keyof typeof decks, number[]> = { ours: [], starter: [] }
for (const [name, deck] of Object.entries(decks) as [keyof typeof decks, typeof decks.ours][]) {
  const server = await serveDist(deck.dist, { port: deck.port })
  console.log(`[bench] ${name}: ${runs} cold loads, then every next slide`)
  await measureLoad(browser, server.url, deck.dist, deck.title) // warms the server's file cache, not the browser's
  for (let i = 0; i < runs; i++)
    loads[name].push(await measureLoad(browser, server.url, deck.dist, deck.title))
  nextSlide[name] = await measureNextSlide(browser, server.url, deck.slides, deck.title)
  await server.close()
}
const chromiumVersion = browser.version()
await browser.close()

// Lighthouse, last (the starter's loads timed out after it ran), and on ours only: the starter
// asks other hosts for its fonts and cover. ?slides: a phone is otherwise offered the reading view.
{
  const server = await serveDist(decks.ours.dist, { port: decks.ours.port })
  console.log('[bench] ours: Lighthouse, mobile')
  audits['ours slide 1'] = await lighthouse(`${server.url}1?slides`)
  audits['ours reading view'] = await lighthouse(`${server.url}read`)
  await server.close()
}

// The relay (npm run relay) with a thousand viewers on loopback.
console.log('[bench] the relay: 1000 viewers, 50 moves')
const relayLoad = await measureRelay(root, 1000, 50)

// 4. The table.
const sum = (bytes: Bytes, kinds: (keyof Bytes)[], key: 'raw' | 'gzip' | 'br') => kinds.reduce((total, kind) => total + bytes[kind][key], 0)
function kb(n: number) {
  return `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} KB`
}
const typical = (name: keyof typeof decks) => loads[name][0] // byte counts are the same every run
interface Row { metric: string, ours: number, starter: number, format: (n: number) => string }
const rows: Row[] = []
const add = (metric: string, ours: number, starter: number, format: (n: number) => string) => rows.push({ metric, ours, starter, format })
for (const [label, kinds] of [
  [
    'JS',
    ['js'],
  ],
  [
    'CSS',
    ['css'],
  ],
  [
    'fonts',
    ['font'],
  ],
  [
    'JS + CSS + fonts',
    ['js', 'css', 'font'],
  ],
  [
    'everything (incl. HTML, images)',
    ['js', 'css', 'font', 'other'],
  ],
] as const) {
  add(`before slide 1, gzip: ${label}`, sum(typical('ours').beforeFirstSlide, [...kinds], 'gzip'), sum(typical('starter').beforeFirstSlide, [...kinds], 'gzip'), kb)
  add(`before slide 1, brotli: ${label}`, sum(typical('ours').beforeFirstSlide, [...kinds], 'br'), sum(typical('starter').beforeFirstSlide, [...kinds], 'br'), kb)
  add(`before slide 1, raw: ${label}`, sum(typical('ours').beforeFirstSlide, [...kinds], 'raw'), sum(typical('starter').beforeFirstSlide, [...kinds], 'raw'), kb)
}
const firstSlide = (name: keyof typeof decks) => median(loads[name].map(load => load.firstSlideMs))
const liveSlide = (name: keyof typeof decks) => median(loads[name].map(load => load.liveSlideMs))
add(`slide 1 visible, median of ${runs} cold loads`, firstSlide('ours'), firstSlide('starter'), n => `${Math.round(n)} ms`)
add(`slide 1 live (Slidev's client has drawn it and takes keys; ours starts it at the first input, given once slide 1 shows), median`, liveSlide('ours'), liveSlide('starter'), n => `${Math.round(n)} ms`)
add('next slide shown after a key, median', median(nextSlide.ours), median(nextSlide.starter), n => `${Math.round(n)} ms`)
add('next slide shown after a key, worst', Math.max(...nextSlide.ours), Math.max(...nextSlide.starter), n => `${Math.round(n)} ms`)
add('all bytes after preload, gzip', sum(typical('ours').afterPreload, ['js', 'css', 'font', 'other'], 'gzip'), sum(typical('starter').afterPreload, ['js', 'css', 'font', 'other'], 'gzip'), kb)
add('all bytes after preload, brotli', sum(typical('ours').afterPreload, ['js', 'css', 'font', 'other'], 'br'), sum(typical('starter').afterPreload, ['js', 'css', 'font', 'other'], 'br'), kb)
add('all bytes after preload, raw', sum(typical('ours').afterPreload, ['js', 'css', 'font', 'other'], 'raw'), sum(typical('starter').afterPreload, ['js', 'css', 'font', 'other'], 'raw'), kb)
add('npm run build, wall time', oursBuild.seconds, starterBuild.seconds, n => `${n.toFixed(1)} s`)
add('npm run build, peak memory (process tree)', oursBuild.peakMB, starterBuild.peakMB, n => `${Math.round(n)} MB`)
const slidevPages = pages(slidevPdfFile)
const starterPages = pages(starterPdfFile)
for (const [name, { seconds, pages: count }] of Object.entries(ourExports))
  add(`${name}, all in, per page (${count} pages)`, seconds / count, 0, n => `${n.toFixed(2)} s`)
add(`all three exports (npm run export:all), per page (${allExports.pages} pages)`, allExports.seconds / allExports.pages, 0, n => `${n.toFixed(2)} s`)
add(`slidev export (PDF) of this deck, per page (${slidevPages}) / of the starter (${starterPages})`, slidevPdf.seconds / slidevPages, starterPdf.seconds / starterPages, n => `${n.toFixed(2)} s`)
for (const page of ['slide 1', 'reading view'] as const) {
  const { scores, metrics } = audits[`ours ${page}`]
  add(`Lighthouse mobile, ${page}: Performance`, scores.performance, 0, n => String(n))
  add(`Lighthouse mobile, ${page}: LCP`, metrics.lcp, 0, n => `${Math.round(n)} ms`)
  add(`Lighthouse mobile, ${page}: TBT`, metrics.tbt, 0, n => `${Math.round(n)} ms`)
  add(`Lighthouse mobile, ${page}: CLS`, metrics.cls, 0, n => n.toFixed(3))
}

add(`relay, ${relayLoad.viewers} viewers: presenter to viewer, p50`, relayLoad.p50Ms, 0, n => `${Math.round(n)} ms`)
add(`relay, ${relayLoad.viewers} viewers: presenter to viewer, p95`, relayLoad.p95Ms, 0, n => `${Math.round(n)} ms`)
add(`relay, ${relayLoad.viewers} viewers: presenter to viewer, worst`, relayLoad.maxMs, 0, n => `${Math.round(n)} ms`)
add(`relay, ${relayLoad.viewers} viewers: moves lost (of ${relayLoad.viewers * relayLoad.moves})`, relayLoad.lost, 0, n => String(n))
add('relay: memory per viewer (resident)', relayLoad.kbPerViewer, 0, n => `${n.toFixed(1)} KB`)

interface Check { budget: string, value: string, ok: boolean }
const firstBytes = sum(typical('ours').beforeFirstSlide, ['js', 'css', 'font'], 'gzip')
const forbidden = [...new Set(loads.ours.flatMap(load => load.forbidden))]
const checks: Check[] = [
  {
    budget: `JS + CSS + fonts before slide 1 <= ${kb(BUDGETS.firstSlideGzipBytes)} gzip`,
    value: kb(firstBytes),
    ok: firstBytes <= BUDGETS.firstSlideGzipBytes,
  },
  { budget: `slide 1 visible <= ${BUDGETS.firstSlideTimeRatio}x the starter's time`, value: `${(firstSlide('ours') / firstSlide('starter')).toFixed(2)}x`, ok: firstSlide('ours') <= BUDGETS.firstSlideTimeRatio * firstSlide('starter') },
  {
    budget: 'no Mermaid, Shiki grammars or Monaco before slide 1',
    value: forbidden.length ? forbidden.join(', ') : 'none',
    ok: forbidden.length === 0,
  },
  { budget: `next slide <= ${BUDGETS.nextSlideWorstMs} ms, worst case`, value: `${Math.round(Math.max(...nextSlide.ours))} ms`, ok: Math.max(...nextSlide.ours) <= BUDGETS.nextSlideWorstMs },
  { budget: `all exports <= ${BUDGETS.exportSecondsPerPage} s per page, all in`, value: `${(allExports.seconds / allExports.pages).toFixed(2)} s`, ok: allExports.seconds / allExports.pages <= BUDGETS.exportSecondsPerPage },
  ...(['ours slide 1', 'ours reading view'] as const).map(page => ({
    budget: `Lighthouse mobile Performance >= ${BUDGETS.lighthousePerformance}, ${page.slice(5)}`,
    value: String(audits[page].scores.performance),
    ok: audits[page].scores.performance >= BUDGETS.lighthousePerformance,
  })),
  {
    budget: `relay: presenter to viewer p95 < ${BUDGETS.relayP95Ms} ms, ${relayLoad.viewers} viewers, none lost`,
    value: `${Math.round(relayLoad.p95Ms)} ms, ${relayLoad.lost} lost`,
    ok: relayLoad.p95Ms < BUDGETS.relayP95Ms && relayLoad.lost === 0,
  },
  { budget: `build <= ${BUDGETS.buildTimeRatio}x the starter's wall time`, value: `${(oursBuild.seconds / starterBuild.seconds).toFixed(2)}x`, ok: oursBuild.seconds <= BUDGETS.buildTimeRatio * starterBuild.seconds },
]

const table = [
  '| metric | this deck | starter | ours / starter |',
  '| --- | ---: | ---: | ---: |',
  ...rows.map(row => `| ${row.metric} | ${row.format(row.ours)} | ${row.format(row.starter)} | ${row.starter
    ? (row.ours / row.starter).toFixed(2)
    : '-'} |`),
].join('\n')
const budgetTable = [
  '| budget | this deck | |',
  '| --- | ---: | --- |',
  ...checks.map(check => `| ${check.budget} | ${check.value} | ${check.ok ? 'holds' : '**broken**'} |`),
].join('\n')
const cpu = cpus()
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}`
const versions = `Node ${process.versions.node}, Slidev ${installedVersion('@slidev/cli')} (both decks), create-slidev ${starter.createSlidevVersion}, Chromium ${chromiumVersion}, Vite ${installedVersion('vite')}`
const blocked = [...new Set(loads.starter.flatMap(load => load.blocked).map(url => new URL(url).host))]
const report = `# Performance

Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, on ${machine}.
${versions}.

The reference is Slidev's starter deck (the create-slidev template, ${decks.starter.slides} slides,
generated at bench time), built with the same Slidev. This deck has ${decks.ours.slides} slides.
Both are served from loopback by the same static server; each load is a fresh browser context
(cold cache). "Slide 1 visible" is the first frame in which slide 1's title is on screen (laid out
in the window, not hidden or transparent) and the page's fonts are loaded, whatever drew it: in
this deck, the static copy of slide 1 in index.html (hosting/first-screen/capture-first-screen.ts). "Slide 1 live" is
when Slidev's client has drawn the slide itself and answers keys; ours starts its client at the
visitor's first input, which the bench gives (the pointer moves) as soon as slide 1 shows. Raw is what a host that does
not compress sends; gzip and brotli are the build's precompressed copies (what nginx with
gzip_static and brotli_static, or Caddy's \`precompressed\`, sends), or for a file without one
(the starter's) gzip at level 6 and brotli at its best, as a compressing host would. Requests to other hosts are
blocked, as they fail on this machine (the starter asks ${blocked.join(', ') || 'none'}).
Build time is \`npm run build\` as each deck defines it: ours also prints the slides PDF and the
handout and renders the OG image. Each export is its npm script all in (dev server, browser,
every page), and \`npm run export:all\`, which writes all three at once (the two PDFs from one
server, Slidev's PowerPoint export beside them); a PowerPoint's pages are its slides. Slidev's own \`slidev export\` (an untagged PDF
in Type 3 glyphs) is timed on this deck and on the starter; a starter column left at 0 has no
counterpart. The relay runs as \`npm run relay\` starts it, with a thousand socket.io clients in
the bench's own process as viewers (their time to handle each move is in the delay) and one as
the presenter, moving every 150 ms.

${table}

## Budgets (scripts/bench/budgets.ts)

${budgetTable}
`
mkdirSync(join(root, 'docs'), { recursive: true })
writeFileSync(join(root, 'docs', 'performance.md'), report)
console.log(`\n${table}\n\n${budgetTable}\n\n[bench] written to docs/performance.md`)
rmSync(starterPdfFile, { force: true })
rmSync(slidevPdfFile, { force: true })
if (readdirSync(outDir).length === 0)
  rmSync(outDir, { recursive: true })
process.exit(checks.every(check => check.ok) ? 0 : 1)
