// The hosted deck's response headers, in one place: netlify.toml, vercel.json and docs/hosting.md
// repeat them (tests/unit/deploy.test.ts keeps them equal), and the HTML carries the CSP as <meta>.
import { createHash } from 'node:crypto'
import { FIRST_SCREEN_FONT_LOAD } from './first-screen/page-markers.ts'

/** The one inline script a page may run, by its hash: the first screen's font load. */
const FONT_LOAD_HASH = `'sha256-${createHash('sha256').update(FIRST_SCREEN_FONT_LOAD).digest('base64')}'`

/** Every directive names only the deck's own origin, data: and one hashed inline script: no CDN, no font host, no analytics. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ['\'self\''],
  'script-src': ['\'self\'', FONT_LOAD_HASH],
  // Mermaid writes <style> into each SVG it draws, and Vue binds style attributes.
  'style-src': ['\'self\'', '\'unsafe-inline\''],
  // Mermaid and the slide canvas use data: images; the PDF download saves through a blob: URL.
  'img-src': ['\'self\'', 'data:', 'blob:'],
  // data: for slide 1's letters, inline in index.html so its first paint waits for no file.
  'font-src': ['\'self\'', 'data:'],
  'connect-src': ['\'self\''],
  'object-src': ['\'none\''],
  'base-uri': ['\'self\''],
  'form-action': ['\'none\''],
  // A page on the same site may embed the deck; others may not.
  'frame-ancestors': ['\'self\''],
}

/** The policy; `connect` adds origins the page may connect to (a deck built with a relay). */
export function contentSecurityPolicy(delivery: 'header' | 'meta' = 'header', connect: readonly string[] = []): string {
  return Object.entries(CSP_DIRECTIVES)
    // Browsers ignore frame-ancestors in a <meta> policy and warn about it.
    .filter(([name]) => delivery === 'header' || name !== 'frame-ancestors')
    .map(([name, sources]) => [name, ...sources, ...(name === 'connect-src' ? connect : [])].join(' '))
    .join('; ')
}

export const REFERRER_POLICY = 'strict-origin-when-cross-origin'

/** Sent with every response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy('header'),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': REFERRER_POLICY,
}

/** assets/ is named by content hash: cached a year. The rest keeps the host's default, so a new build shows. */
export const HASHED_ASSETS_DIR = 'assets/'
export const HASHED_ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable'

/** The service worker tells a returning visitor of a new build: a cached copy would keep the old deck. */
export const SERVICE_WORKER_FILE = 'sw.js'
export const SERVICE_WORKER_CACHE_CONTROL = 'no-cache'
