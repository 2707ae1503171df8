// DECK_RELAY_URL: the relay (relay/server.ts) a build follows the presenter through. Unset, the
// build has nothing of the relay: __DECK_RELAY_URL__ is "" and the code that would load the
// relay's client is dropped as dead. Set, the deck's CSP allows the relay's WebSocket origin.
import type { Plugin } from 'vite'
import process from 'node:process'
import { DeployConfigError } from '../hosting/base-path.ts'

export const RELAY_URL_ENV = 'DECK_RELAY_URL'

/** The relay's address (its origin) from DECK_RELAY_URL, or undefined when the deck has none. */
export function resolveRelayUrl(value: string | undefined): URL | undefined {
  const raw = (value ?? '').trim()
  if (raw === '')
    return undefined
  let url: URL | undefined
  try {
    url = new URL(raw)
  }
  catch {}
  if (!url || !/^https?:$/.test(url.protocol) || url.pathname !== '/' || url.search || url.hash)
    throw new DeployConfigError(`${RELAY_URL_ENV}="${value}" is not a relay address: use http://host:port or https://host (no path)`)
  return url
}

/** The WebSocket origin the page connects to: ws: for an http relay, wss: for https. */
export function relaySocketOrigin(url: URL): string {
  return `${url.protocol === 'https:'
    ? 'wss:'
    : 'ws:'}//${url.host}`
}

export function deckRelay(env: NodeJS.ProcessEnv = process.env): Plugin {
  const url = resolveRelayUrl(env[RELAY_URL_ENV])
  return {
    name: 'deck:relay',
    config: () => ({
      define: {
        __DECK_RELAY_URL__: JSON.stringify(url ? url.origin : ''),
      },
    }),
  }
}
