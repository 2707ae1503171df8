// The hosted deck offline and installable, through vite-plugin-pwa (workbox): after one online
// visit, every slide, the presenter view and the reading view open with no network.
// Slidev's own `pwa: true` uses the same plugin but fixes its options: a manifest named
// "Slidev" in Slidev's colours with no icons, and, at a root base path, the presenter view left
// out offline. This passes our own. The service worker is registered once the page has loaded
// (hosting/offline/register-offline.ts), so it never competes with the first screen.
import type { Plugin } from 'vite'
import { createHash } from 'node:crypto'
import { VitePWA } from 'vite-plugin-pwa'
import { SERVICE_WORKER_FILE } from '../headers.ts'

export interface OfflineDeckOptions {
  /** The talk's title and one-line description (slides.md's `title` and `info`). */
  title: string
  description: string
  /** The deck's background and accent (styles/deck.css). */
  background: string
  accent: string
}

/** A navigation to a file (the PDFs) goes to the network, never to the deck's index.html. */
const FILE_NAVIGATION = /\/[^/]+\.\w+$/

export function offlineDeck({ title, description, background, accent }: OfflineDeckOptions): Plugin[] {
  return VitePWA({
    registerType: 'autoUpdate',
    injectRegister: null,
    manifest: {
      name: title,
      short_name: 'Talent War',
      description,
      lang: 'en',
      start_url: '.',
      scope: '.',
      display: 'standalone',
      background_color: background,
      theme_color: accent,
      icons: [
        { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: 'icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
      ],
    },
    workbox: {
      // The deck and everything it draws with; not the PDFs (downloads, large
      // together) or the link-preview image, which no visitor's screen shows.
      globPatterns: ['**/*.{html,js,css,woff2,svg}', 'icon-*.png'],
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [FILE_NAVIGATION],
      cleanupOutdatedCaches: true,
      maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
    },
  })
}

const PRECACHE_LIST = 'precacheAndRoute(['

/**
 * The service worker (`sw`, sw.js's text) with `files` (paths under the deck, and their content)
 * in its precache list at their content now. vite-plugin-pwa lists the deck as Vite wrote it; the
 * build then rewrites index.html (the first screen) and writes read.html. With a stale revision a
 * returning visitor would keep the old page; without an entry read.html would not be offline,
 * and the worker would answer BASE/read with index.html instead (workbox answers BASE/read from
 * a precached read.html).
 */
export function withPrecached(sw: string, files: Record<string, string>): string {
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
