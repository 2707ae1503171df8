// `npm run export[:notes|:pptx]`: Slidev's exporter, made to work offline on slow machines.
// - finds a Chromium itself (scripts/chromium.ts) and fails fast, naming what to install;
// - raises Slidev's 30 s render timeout, which a 2-core machine overruns;
// - names the files after the talk (exportFilename in slides.md).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import process from 'node:process'
import { ChromiumNotFoundError, findChromium, playwrightBrowsersEnv } from './chromium.ts'

const KINDS = ['pdf', 'notes', 'pptx'] as const
type Kind = typeof KINDS[number]

const RENDER_TIMEOUT_MS = 180_000

const root = join(import.meta.dirname, '..')
const kind = process.argv[2] as Kind
if (!KINDS.includes(kind)) {
  console.error(`usage: node scripts/export.ts <${KINDS.join('|')}> [extra slidev flags]`)
  process.exit(2)
}

let chromium: string
try {
  chromium = findChromium()
}
catch (error) {
  if (error instanceof ChromiumNotFoundError) {
    console.error(`[export] ${error.message}`)
    process.exit(1)
  }
  throw error
}

const exportFilename = readFileSync(join(root, 'slides.md'), 'utf8').match(/^exportFilename:\s*(\S+)\s*$/m)?.[1]
if (!exportFilename)
  throw new Error('slides.md: headmatter field "exportFilename" is missing')

const args: Record<Kind, string[]> = {
  pdf: ['export', '--format', 'pdf', '--with-toc', '--output', `${exportFilename}.pdf`],
  pptx: ['export', '--format', 'pptx', '--output', `${exportFilename}.pptx`],
  notes: ['export-notes', '--output', `${exportFilename}-notes.pdf`],
}
const slidevArgs = [...args[kind], '--timeout', String(RENDER_TIMEOUT_MS), ...process.argv.slice(3)]
let env: Record<string, string | undefined> = process.env
if (kind === 'notes') {
  // `slidev export-notes` takes no --executable-path: point Playwright's own lookup at ours.
  try {
    env = { ...env, ...playwrightBrowsersEnv(chromium, join(root, 'node_modules', '.cache', 'deck-chromium')) }
  }
  catch (error) {
    console.error(`[export] ${error instanceof Error ? error.message : error}`)
    process.exit(1)
  }
}
else {
  slidevArgs.push('--executable-path', chromium)
}

const slidev = join(root, 'node_modules', '@slidev', 'cli', 'bin', 'slidev.mjs')
if (!existsSync(slidev))
  throw new Error(`${slidev} is missing: run npm ci first`)

console.log(`[export] ${kind} with ${chromium}`)
const result = spawnSync(process.execPath, [slidev, ...slidevArgs], {
  cwd: root,
  stdio: 'inherit',
  env,
})
process.exit(result.status ?? 1)
