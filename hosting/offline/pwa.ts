// The deck offline and installable, through vite-plugin-pwa. Slidev's own `pwa: true` fixes a
// manifest named "Slidev" with no icons, and at a root base path leaves the presenter view out.
import type { Buffer } from 'node:buffer'
import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { load } from '@slidev/parser/fs'
import { VitePWA } from 'vite-plugin-pwa'
import { DECK_ROOT } from '../deck-files.ts'
import { SERVICE_WORKER_FILE } from '../headers.ts'

/** A colour token of the deck's light theme, for the installed app's window and splash screen. */
function deckColour(name: string, css: string): string {
  const value = css.match(new RegExp(`${name}:\\s*(#[0-9a-f]{3,8})\\b`, 'i'))?.[1]
  if (!value)
    throw new Error(`styles/deck.css: ${name} is not a hex colour; the web app manifest takes it`)
  return value
}

/** The talk's title and one-line description come from slides.md, its colours from styles/deck.css. */
export async function offlineDeck(root = DECK_ROOT): Promise<Plugin[]> {
  const css = readFileSync(join(root, 'styles', 'deck.css'), 'utf8')
  const { headmatter } = await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: null,
    manifest: {
      name: String(headmatter.title),
      short_name: 'Talent War',
      description: String(headmatter.info).replace(/\s+/g, ' ').trim(),
      lang: 'en',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: deckColour('--deck-bg', css),
      theme_color: deckColour('--deck-accent', css),
      icons: [
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    workbox: {
      // Nothing beyond the manifest and its icons: the build adds what the deck's views ask for
      // (usedFiles), not every optional chunk Slidev and Mermaid ship, the PDFs or the preview image.
      globPatterns: [],
      navigateFallback: 'index.html',
      // A navigation to a file (the PDFs) goes to the network, never to the deck's index.html.
      navigateFallbackDenylist: [/\/[^/]+\.\w+$/],
      cleanupOutdatedCaches: true,
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    },
  })
}

const PRECACHE_LIST = 'precacheAndRoute(['
/** Never precached: the service worker itself, the downloads and the link preview, compressed copies, and pages (the build adds its own). */
const NOT_OFFLINE = /^(?:sw\.js|workbox-[\w-]+\.js)$|\.(?:pdf|png|gz|br|html)$/

/** The built files among the paths the deck's views asked for (`requested`, under `base`), with their contents. */
export function usedFiles(outDir: string, base: string, requested: Iterable<string>): Record<string, Buffer> {
  const files: Record<string, Buffer> = {}
  for (const path of requested) {
    const file = path.startsWith(base) ? decodeURIComponent(path.slice(base.length)) : ''
    if (file && !NOT_OFFLINE.test(file) && existsSync(join(outDir, file)) && statSync(join(outDir, file)).isFile())
      files[file] = readFileSync(join(outDir, file))
  }
  return files
}

/**
 * The service worker with `files` (path: content) precached as they are now: the build rewrites index.html
 * and writes read.html after vite-plugin-pwa listed them, and a stale or missing entry serves the wrong page.
 */
export function withPrecached(sw: string, files: Record<string, string | Buffer>): string {
  if (!sw.includes(PRECACHE_LIST))
    throw new Error(`${SERVICE_WORKER_FILE}: no precacheAndRoute([...]) list to put ${Object.keys(files).join(', ')} in`)
  let out = sw
  for (const [url, content] of Object.entries(files)) {
    const entry = `{url:${JSON.stringify(url)},revision:"${createHash('md5').update(content).digest('hex')}"}`
    const start = out.indexOf(`{url:${JSON.stringify(url)},revision:"`)
    out = start < 0
      ? out.replace(PRECACHE_LIST, () => `${PRECACHE_LIST}${entry},`)
      : `${out.slice(0, start)}${entry}${out.slice(out.indexOf('"}', start) + 2)}`
  }
  return out
}
