// `npm run bench`: this deck against Slidev's own starter, built and measured in one run on this
// machine. Prints the table, writes docs/performance.md, and exits 1 when a budget in
// scripts/bench/budgets.ts breaks. Options: --runs N (cold loads per deck, default 7).
import type { Bytes, Encoding, Kind } from './bench/browser.ts'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { parseArgs } from 'node:util'
import { brotliCompressSync } from 'node:zlib'
import { load } from '@slidev/parser/fs'
import JSZip from 'jszip'
import { chromium } from 'playwright-chromium'
import { precompress } from '../hosting/compress.ts'
import { SERVICE_WORKER_FILE } from '../hosting/headers.ts'
import { ENCODINGS, KINDS, measureLoad, measureNextSlide, timeFirstSlide } from './bench/browser.ts'
import { BUDGETS } from './bench/budgets.ts'
import { preparePeers } from './bench/peers.ts'
import { run } from './bench/processes.ts'
import { measureRelay } from './bench/relay-viewers.ts'
import { installedVersion, prepareStarter } from './bench/starter.ts'
import { CHROMIUM_ARGS, findChromium } from './chromium.ts'
import { lighthouse } from './lighthouse.ts'
import { serveDist } from './serve-dist.ts'

const root = join(import.meta.dirname, '..')
// The bench writes its figures between two markers in docs/performance.md; the text around them,
// how each figure is measured, is edited by hand.
const page = join(root, 'docs', 'performance.md')
const [above, marked] = readFileSync(page, 'utf8').split('<!-- bench:start -->\n')
const below = marked?.split('<!-- bench:end -->')[1]
if (below === undefined) {
  console.error(`[bench] ${page}: no <!-- bench:start --> and <!-- bench:end --> lines to write the figures between`)
  process.exit(1)
}
const runs = Math.max(5, Number(parseArgs({ options: { runs: { type: 'string', default: '7' } } }).values.runs))
const chromiumPath = findChromium()
const starter = prepareStarter()
const decks = { ours: await deck(root), starter: await deck(starter.dir) }
type Deck = keyof typeof decks

async function deck(dir: string) {
  const { slides } = await load({ roots: [dir], userRoot: dir }, join(dir, 'slides.md'))
  const { title, frontmatter, content } = slides[0]
  const subtitle = content.split('\n').find(line => line.trim() && !line.startsWith('#')) ?? ''
  return { dist: join(dir, 'dist'), slides: slides.length, title: title!, subtitle, frontmatter }
}
function median(list: number[]) {
  const sorted = [...list].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
function slidev(dir: string, args: string[]) {
  return run(process.execPath, [join(dir, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs'), ...args], dir)
}

// 1. The two decks, built the way each is meant to be built.
console.log('[bench] building this deck (npm run build: the site, its PDF and its OG image)')
const oursBuild = await run('npm', ['run', 'build'], root)
console.log('[bench] building the starter (its npm run build: slidev build)')
const starterBuild = await slidev(starter.dir, ['build'])
// Both decks are served with brotli and gzip copies, as a host that precompresses sends them:
// ours writes its own; the starter's are made here, the same way.
await precompress(decks.starter.dist)
console.log('[bench] building the peers\' sample decks: Marp and reveal.js')
const peers = await preparePeers(decks.ours.slides, decks.ours.title, decks.ours.subtitle, readFileSync(join(root, 'essay', 'essay.txt'), 'utf8'))

// 2. The exports, all in (dev server, browser, every page), as `npm run export*` runs them, one
// by one and all three at once; and Slidev's own `slidev export` of this deck and of the starter.
console.log('[bench] exporting: our three files, then Slidev\'s PDF of this deck and of the starter')
const outDir = mkdtempSync(join(tmpdir(), 'deck-bench-'))
/** Times an export into outDir, then counts the pages of the files it wrote and removes them. */
async function timedExport(exporting: Promise<{ seconds: number }>, files: string[]) {
  const { seconds } = await exporting
  let pages = 0
  for (const file of files.map(name => join(outDir, name))) {
    // A PowerPoint's pages are its slides.
    pages += file.endsWith('.pptx')
      ? (await JSZip.loadAsync(readFileSync(file))).file(/^ppt\/slides\/slide\d+\.xml$/).length
      : Number(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).match(/^Pages:\s+(\d+)/m)![1])
    rmSync(file)
  }
  return { pages, perPage: seconds / pages }
}
const npmExport = (script: string) => run('npm', ['run', script, '--', '--out', outDir], root)
const exportFilename = decks.ours.frontmatter.exportFilename as string
const ourFiles = [`${exportFilename}.pdf`, `${exportFilename}-handout.pdf`, `${exportFilename}.pptx`]
const ourExports = {
  'slides PDF': await timedExport(npmExport('export'), [ourFiles[0]]),
  'handout PDF': await timedExport(npmExport('export:handout'), [ourFiles[1]]),
  'PowerPoint': await timedExport(npmExport('export:pptx'), [ourFiles[2]]),
}
const allExports = await timedExport(npmExport('export:all'), ourFiles)
function slidevExport(dir: string) {
  const options = ['--output', join(outDir, 'slidev.pdf'), '--executable-path', chromiumPath, '--timeout', '600000']
  return timedExport(slidev(dir, ['export', ...options]), ['slidev.pdf'])
}
const slidevExports = { ours: await slidevExport(root), starter: await slidevExport(starter.dir) }

// 3. In the browser: both decks served from loopback by the same static server.
const servers = { ours: await serveDist(decks.ours.dist), starter: await serveDist(decks.starter.dist) }
const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
const loads = {} as Record<Deck, Awaited<ReturnType<typeof measureLoad>>[]>
const nextSlide = {} as Record<Deck, number[]>
for (const [name, { dist, title, slides }] of Object.entries(decks) as [Deck, typeof decks.ours][]) {
  const { url } = servers[name]
  console.log(`[bench] ${name}: ${runs} cold loads, then every next slide`)
  await measureLoad(browser, url, dist, title) // warms the server's file cache, not the browser's
  loads[name] = []
  for (let i = 0; i < runs; i++)
    loads[name].push(await measureLoad(browser, url, dist, title))
  nextSlide[name] = await measureNextSlide(browser, url, slides, title)
}

// Slide 1 beside the peers a user could pick instead, on loopback and under Lighthouse's mobile
// profile, in turns so that a busy moment of the machine falls on every deck alike.
const sites = { 'this deck': servers.ours.url, 'Marp': '', 'reveal.js': '', 'starter': servers.starter.url }
const peerServers = await Promise.all(Object.values(peers.sites).map(dir => serveDist(dir)))
;[sites.Marp, sites['reveal.js']] = peerServers.map(server => server.url)
type Site = keyof typeof sites
const throttledRuns = 5
const peerTimes = { loopback: {}, throttled: {} } as Record<'loopback' | 'throttled', Record<Site, { firstSlideMs: number, liveSlideMs: number }[]>>
for (const [profile, count] of [['loopback', runs], ['throttled', throttledRuns]] as const) {
  console.log(`[bench] slide 1 of this deck, Marp, reveal.js and the starter: ${count} ${profile} cold loads each`)
  for (let i = 0; i < count; i++) {
    for (const [name, url] of Object.entries(sites) as [Site, string][]) {
      const times = peerTimes[profile][name] ??= []
      // Ours opens slide 1 by its address, as a shared link does; its client starts at the first input.
      times.push(await timeFirstSlide(browser, name === 'this deck' ? `${url}1` : url, name === 'starter' ? decks.starter.title : decks.ours.title, { throttled: profile === 'throttled', live: name === 'this deck' }))
    }
  }
}
await Promise.all(peerServers.map(server => server.close()))
const chromiumVersion = browser.version()
await browser.close()

// Lighthouse, last (the starter's loads timed out after it ran), and on ours only: the starter
// asks other hosts for its fonts and cover. ?slides: a phone is otherwise offered the reading view.
console.log('[bench] ours: Lighthouse, mobile')
const audits = {
  'slide 1': await lighthouse(`${servers.ours.url}1?slides`),
  'reading view': await lighthouse(`${servers.ours.url}read`),
}
await Promise.all(Object.values(servers).map(server => server.close()))

// The relay (npm run relay) with a thousand viewers on loopback.
const viewers = 1000
const moves = 50
console.log(`[bench] the relay: ${viewers} viewers, ${moves} moves`)
const relay = await measureRelay(root, viewers, moves)

// 4. The table: one row a figure, this deck's beside the starter's (0 where it has no counterpart).
const rows: string[] = []
function add(metric: string, format: (n: number) => string, ours: number, starter = 0) {
  rows.push(`| ${metric} | ${format(ours)} | ${format(starter)} | ${starter ? (ours / starter).toFixed(2) : '-'} |`)
}
const kb = (n: number) => `${(n / 1000).toFixed(n < 10_000 ? 1 : 0)} KB`
const ms = (n: number) => `${Math.round(n)} ms`
const seconds = (n: number) => `${n.toFixed(2)} s`
const ENCODING_LABELS = { gzip: 'gzip', br: 'brotli', identity: 'raw' }
function sum(bytes: Bytes, kinds: readonly Kind[], encoding: Encoding) {
  return kinds.reduce((total, kind) => total + bytes[kind][encoding], 0)
}
/** A row of bytes for each encoding, summed over `kinds`; byte counts are the same on every load. */
function addBytes(label: (encoding: string) => string, moment: 'beforeFirstSlide' | 'afterPreload', kinds: readonly Kind[]) {
  for (const encoding of ENCODINGS)
    add(label(ENCODING_LABELS[encoding]), kb, sum(loads.ours[0][moment], kinds, encoding), sum(loads.starter[0][moment], kinds, encoding))
}
for (const [label, kinds] of [
  ['JS', ['js']],
  ['CSS', ['css']],
  ['fonts', ['font']],
  ['JS + CSS + fonts', ['js', 'css', 'font']],
  ['everything (incl. HTML, images)', KINDS],
] as const)
  addBytes(encoding => `before slide 1, ${encoding}: ${label}`, 'beforeFirstSlide', kinds)
const firstSlide = (name: Deck) => median(loads[name].map(load => load.firstSlideMs))
const liveSlide = (name: Deck) => median(loads[name].map(load => load.liveSlideMs))
add(`slide 1 visible, median of ${runs} cold loads`, ms, firstSlide('ours'), firstSlide('starter'))
add(`slide 1 live (Slidev's client has drawn it and takes keys; ours starts it at the first input, given once slide 1 shows), median`, ms, liveSlide('ours'), liveSlide('starter'))
add('next slide shown after a key, median', ms, median(nextSlide.ours), median(nextSlide.starter))
add('next slide shown after a key, worst', ms, Math.max(...nextSlide.ours), Math.max(...nextSlide.starter))
addBytes(encoding => `all bytes after preload, ${encoding}`, 'afterPreload', KINDS)
// The offline copy: every file the service worker's precache list names, as brotli would send it.
const precached = [...readFileSync(join(decks.ours.dist, SERVICE_WORKER_FILE), 'utf8').matchAll(/\{url:"([^"]+)"/g)].map(match => match[1])
const offlineBytes = precached.reduce((total, file) => total + brotliCompressSync(readFileSync(join(decks.ours.dist, file))).length, 0)
add(`offline copy a first visit downloads (${precached.length} files), brotli`, kb, offlineBytes)
add('npm run build, wall time', n => `${n.toFixed(1)} s`, oursBuild.seconds, starterBuild.seconds)
add('npm run build, peak memory (process tree)', n => `${Math.round(n)} MB`, oursBuild.peakMB, starterBuild.peakMB)
for (const [name, { pages, perPage }] of Object.entries(ourExports))
  add(`${name}, all in, per page (${pages} pages)`, seconds, perPage)
add(`all three exports (npm run export:all), per page (${allExports.pages} pages)`, seconds, allExports.perPage)
const { ours: slidevOurs, starter: slidevStarter } = slidevExports
add(`slidev export (PDF) of this deck, per page (${slidevOurs.pages}) / of the starter (${slidevStarter.pages})`, seconds, slidevOurs.perPage, slidevStarter.perPage)
for (const [page, { scores, metrics }] of Object.entries(audits)) {
  add(`Lighthouse mobile, ${page}: Performance`, String, scores.performance)
  add(`Lighthouse mobile, ${page}: LCP`, ms, metrics.lcp)
  add(`Lighthouse mobile, ${page}: TBT`, ms, metrics.tbt)
  add(`Lighthouse mobile, ${page}: CLS`, n => n.toFixed(3), metrics.cls)
}
add(`relay, ${viewers} viewers: presenter to viewer, p50`, ms, relay.p50Ms)
add(`relay, ${viewers} viewers: presenter to viewer, p95`, ms, relay.p95Ms)
add(`relay, ${viewers} viewers: presenter to viewer, worst`, ms, relay.maxMs)
add(`relay, ${viewers} viewers: moves lost (of ${viewers * moves})`, String, relay.lost)
add('relay: memory per viewer (resident)', n => `${n.toFixed(1)} KB`, relay.kbPerViewer)

const peerRows = (Object.entries(peerTimes) as [keyof typeof peerTimes, typeof peerTimes.loopback][]).map(([profile, times]) => {
  const visible = (name: Site) => median(times[name].map(time => time.firstSlideMs))
  return `| ${profile}, median of ${times.Marp.length} | ${Object.keys(sites).map(name => ms(visible(name as Site))).join(' | ')} | ${(visible('this deck') / visible('Marp')).toFixed(2)} |`
})
const liveThrottled = median(peerTimes.throttled['this deck'].map(time => time.liveSlideMs))
peerRows.push(`| this deck live (its client has drawn slide 1), throttled | ${ms(liveThrottled)} | | | | |`)
const peerTable = [`| slide 1 visible | ${Object.keys(sites).join(' | ')} | ours / Marp |`, '| --- | ---: | ---: | ---: | ---: | ---: |', ...peerRows].join('\n')

const checks: { budget: string, value: string, ok: boolean }[] = []
const check = (budget: string, value: string, ok: boolean) => checks.push({ budget, value, ok })
const firstBytes = sum(loads.ours[0].beforeFirstSlide, ['js', 'css', 'font'], 'gzip')
check(`JS + CSS + fonts before slide 1 <= ${kb(BUDGETS.firstSlideGzipBytes)} gzip`, kb(firstBytes), firstBytes <= BUDGETS.firstSlideGzipBytes)
const firstSlideRatio = firstSlide('ours') / firstSlide('starter')
check(`slide 1 visible <= ${BUDGETS.firstSlideTimeRatio}x the starter's time`, `${firstSlideRatio.toFixed(2)}x`, firstSlideRatio <= BUDGETS.firstSlideTimeRatio)
const throttledMarp = median(peerTimes.throttled['this deck'].map(time => time.firstSlideMs)) / median(peerTimes.throttled.Marp.map(time => time.firstSlideMs))
check(`slide 1 visible, throttled <= ${BUDGETS.firstSlideMarpRatio}x Marp's time`, `${throttledMarp.toFixed(2)}x`, throttledMarp <= BUDGETS.firstSlideMarpRatio)
const forbidden = [...new Set(loads.ours.flatMap(load => load.forbidden))]
check('no Mermaid, Shiki grammars or Monaco before slide 1', forbidden.join(', ') || 'none', forbidden.length === 0)
const worstNext = Math.max(...nextSlide.ours)
check(`next slide <= ${BUDGETS.nextSlideWorstMs} ms, worst case`, ms(worstNext), worstNext <= BUDGETS.nextSlideWorstMs)
check(`all exports <= ${BUDGETS.exportSecondsPerPage} s per page, all in`, seconds(allExports.perPage), allExports.perPage <= BUDGETS.exportSecondsPerPage)
for (const [page, { scores }] of Object.entries(audits))
  check(`Lighthouse mobile Performance >= ${BUDGETS.lighthousePerformance}, ${page}`, String(scores.performance), scores.performance >= BUDGETS.lighthousePerformance)
check(`relay: presenter to viewer p95 < ${BUDGETS.relayP95Ms} ms, ${viewers} viewers, none lost`, `${ms(relay.p95Ms)}, ${relay.lost} lost`, relay.p95Ms < BUDGETS.relayP95Ms && relay.lost === 0)
check(`offline copy <= ${kb(BUDGETS.offlineCopyBrotliBytes)} brotli`, kb(offlineBytes), offlineBytes <= BUDGETS.offlineCopyBrotliBytes)
const buildRatio = oursBuild.seconds / starterBuild.seconds
check(`build <= ${BUDGETS.buildTimeRatio}x the starter's wall time`, `${buildRatio.toFixed(2)}x`, buildRatio <= BUDGETS.buildTimeRatio)

const table = ['| metric | this deck | starter | ours / starter |', '| --- | ---: | ---: | ---: |', ...rows].join('\n')
const budgetTable = [
  '| budget | this deck | |',
  '| --- | ---: | --- |',
  ...checks.map(({ budget, value, ok }) => `| ${budget} | ${value} | ${ok ? 'holds' : '**broken**'} |`),
].join('\n')
const cpu = cpus()
const machine = `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${process.platform} ${process.arch}`
const versions = `Node ${process.versions.node}, Slidev ${installedVersion('@slidev/cli')} (both decks), create-slidev ${starter.createSlidevVersion}, Chromium ${chromiumVersion}, Vite ${installedVersion('vite')}`
const blocked = [...new Set(loads.starter.flatMap(load => load.blocked).map(url => new URL(url).host))]
const figures = `Measured by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}, on ${machine}.
${versions}. The starter has ${decks.starter.slides} slides, this deck ${decks.ours.slides}; the starter's requests to ${blocked.join(', ') || 'no other host'} were blocked.

${table}

## Slide 1 beside the peers

Each deck built in the bench with this deck's size and title: Marp CLI ${peers.versions.marp} (one HTML file), reveal.js ${peers.versions['reveal.js']} (its npm package's dist/), Slidev's starter. Throttled is Lighthouse's mobile profile as DevTools applies it (562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s up, CPU 4x slower), at 1280×720; loopback is this machine at full speed.

${peerTable}

## Budgets (scripts/bench/budgets.ts)

${budgetTable}
`
writeFileSync(page, `${above}<!-- bench:start -->\n${figures}<!-- bench:end -->${below}`)
console.log(`\n${table}\n\n${peerTable}\n\n${budgetTable}\n\n[bench] written to docs/performance.md`)
rmSync(outDir, { recursive: true })
process.exit(checks.every(check => check.ok) ? 0 : 1)
