// The relay's settings, from the environment (README.md) and the built deck: each one checked
// before anything starts, and a wrong one named in one line. A secret is never printed.
import type { RelayDeck } from './protocol.ts'
import type { RelayOptions } from './server.ts'
import { readFileSync } from 'node:fs'
import { RELAY_DECK_FILE } from './protocol.ts'

export class RelayConfigError extends Error {}

const DEFAULT_PORT = 3031
/** The shortest key, and the fewest different characters in it: guessing it over the network is hopeless. */
const KEY_MIN_LENGTH = 16
const KEY_MIN_CHARACTERS = 8
const MAKE_KEY = 'make one with DECK_RELAY_KEY=$(openssl rand -hex 12)'

/** The relay's options from the environment, or an error naming the variable that is wrong. */
export function relayOptionsFromEnv(env: NodeJS.ProcessEnv, deck: RelayDeck): RelayOptions {
  const key = env.DECK_RELAY_KEY ?? ''
  if (!key)
    throw new RelayConfigError(`DECK_RELAY_KEY is not set: it is the presenter's secret; ${MAKE_KEY}`)
  // The presenter types the key as it is; spaces around it would be taken for part of it.
  if (key.trim() !== key)
    throw new RelayConfigError(`DECK_RELAY_KEY has spaces around it: remove them, or ${MAKE_KEY}`)
  if (key.length < KEY_MIN_LENGTH || new Set(key).size < KEY_MIN_CHARACTERS)
    throw new RelayConfigError(`DECK_RELAY_KEY is too weak (at least ${KEY_MIN_LENGTH} characters, ${KEY_MIN_CHARACTERS} of them different): ${MAKE_KEY}`)
  const port = env.PORT === undefined ? DEFAULT_PORT : Number(env.PORT)
  if (env.PORT !== undefined && (!/^\d+$/.test(env.PORT) || port < 1 || port > 65535))
    throw new RelayConfigError(`PORT is "${env.PORT}": a port number from 1 to 65535 is expected, in decimal`)
  const origins = (env.DECK_RELAY_ORIGINS ?? '').split(',').map(origin => origin.trim()).filter(Boolean)
  if (!origins.length)
    throw new RelayConfigError('DECK_RELAY_ORIGINS is not set: the origins the deck is served from, comma-separated, e.g. https://you.github.io')
  const notOrigin = origins.find(origin => !/^https?:/.test(origin) || URL.parse(origin)?.origin !== origin)
  if (notOrigin !== undefined)
    throw new RelayConfigError(`DECK_RELAY_ORIGINS: "${notOrigin}" is not an origin (scheme, host and port only, e.g. https://you.github.io)`)
  const redisUrl = env.DECK_RELAY_REDIS_URL ? readRedisUrl(env.DECK_RELAY_REDIS_URL) : undefined
  return { port, key, origins, deck, redisUrl }
}

/** DECK_RELAY_REDIS_URL as a URL; never printed, since it may hold a password. */
function readRedisUrl(value: string): URL {
  const url = URL.parse(value)
  if (!url)
    throw new RelayConfigError('DECK_RELAY_REDIS_URL is not an address: write it as redis://[:password@]host[:port]')
  if (!/^rediss?:$/.test(url.protocol) || !url.hostname)
    throw new RelayConfigError(`DECK_RELAY_REDIS_URL is a ${url.protocol} address: a Redis address is redis://[:password@]host[:port] (rediss:// for TLS)`)
  if (!/^(?:\/\d*)?$/.test(url.pathname))
    throw new RelayConfigError('DECK_RELAY_REDIS_URL: after the host comes only a database number, e.g. redis://host:6379/0')
  return url
}

/** The deck file a relay build writes (RELAY_DECK_FILE), or an error naming the file and field. */
export function readRelayDeck(file: string): RelayDeck {
  let deck: { clicks?: unknown } | null
  try {
    deck = JSON.parse(readFileSync(file, 'utf8'))
  }
  catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new RelayConfigError(error instanceof SyntaxError
      ? `${file} is not JSON: ${error.message}`
      : `${file} ${code === 'EISDIR' ? 'is a folder' : code === 'ENOENT' ? 'is missing' : `cannot be read (${code})`}: `
        + `build the deck with DECK_RELAY_URL set (npm run build writes it), or point DECK_RELAY_DECK at the built deck's ${RELAY_DECK_FILE}`)
  }
  const clicks = deck?.clicks
  if (!Array.isArray(clicks) || clicks.length === 0)
    throw new RelayConfigError(`${file}: "clicks" is not a list with one number per slide`)
  const bad = clicks.findIndex(count => !Number.isInteger(count) || count < 0)
  if (bad >= 0) {
    const value = typeof clicks[bad] === 'number' ? String(clicks[bad]) : JSON.stringify(clicks[bad])
    throw new RelayConfigError(`${file}: "clicks"[${bad}] (slide ${bad + 1}) is ${value}, not a number of clicks`)
  }
  return { clicks }
}
