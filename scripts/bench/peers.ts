// The peers a user could pick instead of Slidev: Marp (one HTML file, from @marp-team/marp-cli)
// and reveal.js (its npm package's dist/), each given a sample deck of this deck's size, title
// and text, built here and served like ours. Kept between runs in the system's temp folder.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'
import { precompress } from '../../hosting/compress.ts'

/** Pinned, so that a new release of a peer moves no budget unnoticed. */
const PACKAGES = ['@marp-team/marp-cli@4.5.1', 'reveal.js@6.0.2']
export type Peer = 'marp' | 'reveal.js'

/** Slide 1 with the deck's title and subtitle, then slides of a heading and a paragraph of the essay. */
function sampleSlides(count: number, title: string, subtitle: string, text: string) {
  const words = text.split(/\s+/).filter(Boolean)
  return Array.from({ length: count }, (_, i) => i === 0
    ? { heading: title, body: subtitle }
    : { heading: words.slice(i * 40, i * 40 + 6).join(' '), body: words.slice(i * 40 + 6, i * 40 + 40).join(' ') })
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')

/** Builds both peers' sample decks, with brotli and gzip copies as ours has: each one's folder, for serveDist, and version. */
export async function preparePeers(count: number, title: string, subtitle: string, text: string) {
  const dir = join(tmpdir(), 'seismic-shift-deck-bench', 'peers')
  const stampFile = join(dir, '.bench-stamp')
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== PACKAGES.join(' ')) {
    console.log(`[bench] installing ${PACKAGES.join(', ')} in ${dir}`)
    rmSync(dir, { recursive: true, force: true })
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, 'package.json'), '{ "private": true }\n')
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error', ...PACKAGES], { cwd: dir, stdio: 'inherit' })
    writeFileSync(stampFile, PACKAGES.join(' '))
  }
  const slides = sampleSlides(count, title, subtitle, text)
  const sites = { 'marp': join(dir, 'marp'), 'reveal.js': join(dir, 'reveal') }
  for (const site of Object.values(sites)) {
    rmSync(site, { recursive: true, force: true })
    mkdirSync(site)
    // What serveDist needs: the base path's rewrite and a not-found page.
    writeFileSync(join(site, '_redirects'), '/* /index.html 200\n')
    writeFileSync(join(site, '404.html'), 'not found\n')
  }
  const markdown = join(dir, 'sample.md')
  writeFileSync(markdown, `---\nmarp: true\ntitle: ${JSON.stringify(title)}\n---\n\n${slides.map(({ heading, body }) => `# ${heading}\n\n${body}\n`).join('\n---\n\n')}`)
  execFileSync(process.execPath, [join(dir, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js'), markdown, '-o', join(sites.marp, 'index.html')], { stdio: ['ignore', 'ignore', 'inherit'] })

  cpSync(join(dir, 'node_modules', 'reveal.js', 'dist'), join(sites['reveal.js'], 'dist'), { recursive: true })
  const sections = slides.map(({ heading, body }) => `<section><h1>${escape(heading)}</h1><p>${escape(body)}</p></section>`)
  writeFileSync(join(sites['reveal.js'], 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<link rel="stylesheet" href="dist/reveal.css"><link rel="stylesheet" href="dist/theme/white.css"></head>
<body><div class="reveal"><div class="slides">${sections.join('\n')}</div></div>
<script src="dist/reveal.js"></script><script>Reveal.initialize({ hash: true })</script></body></html>\n`)
  await Promise.all(Object.values(sites).map(site => precompress(site)))
  const version = (name: string) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version as string
  return { sites, versions: { 'marp': version('@marp-team/marp-cli'), 'reveal.js': version('reveal.js') } }
}
