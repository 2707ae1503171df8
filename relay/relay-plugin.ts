// DECK_RELAY_URL: the relay (relay/server.ts) a build follows the presenter through. Unset, the
// build has nothing of the relay: __DECK_RELAY_URL__ is "" and the relay's client is dropped as
// dead code. Set, the CSP allows the relay's WebSocket origin and the build writes RELAY_DECK_FILE.
import type { Page } from 'playwright-chromium'
import type { Plugin } from 'vite'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DeployConfigError } from '../hosting/base-path.ts'
import { RELAY_DECK_FILE } from './protocol.ts'

export const RELAY_URL_ENV = 'DECK_RELAY_URL'

/** The relay's address (its origin) from DECK_RELAY_URL, or undefined when the deck has none. */
export function resolveRelayUrl(value: string | undefined): URL | undefined {
  const raw = (value ?? '').trim()
  if (raw === '')
    return undefined
  const url = URL.parse(raw)
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash)
    throw new DeployConfigError(`${RELAY_URL_ENV}="${value}" is not a relay address: use http://host:port or https://host (no path)`)
  return url
}

/** The WebSocket origin the page connects to: ws: for an http relay, wss: for https. */
export function relaySocketOrigin(url: URL): string {
  return `${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`
}

export function deckRelay(url: URL | undefined): Plugin {
  return {
    name: 'deck:relay',
    config: () => ({ define: { __DECK_RELAY_URL__: JSON.stringify(url ? url.origin : '') } }),
  }
}

/** Each slide's clicks, as RelayStatus.vue marks them in the print view, into RELAY_DECK_FILE. */
export async function writeRelayDeck(page: Page, slideCount: number, outDir: string) {
  const marked = await page.$$eval('.deck-slide-clicks', marks => marks.map(mark => [
    Number(mark.dataset.slide),
    Number(mark.dataset.clicks),
  ]))
  const clicks: number[] = []
  for (const [no, total] of marked)
    clicks[no - 1] = total
  const missing = Array.from({ length: slideCount }, (_, i) => i + 1).filter(no => !Number.isInteger(clicks[no - 1]))
  if (missing.length)
    throw new DeployConfigError(`the print view marked no clicks for slide ${missing.join(', ')}: the relay could not check positions on it (relay/RelayStatus.vue marks them)`)
  writeFileSync(join(outDir, RELAY_DECK_FILE), `${JSON.stringify({ clicks })}\n`)
  return `${RELAY_DECK_FILE}: ${slideCount} slides, ${clicks.reduce((sum, n) => sum + n, 0)} clicks, for the relay`
}
