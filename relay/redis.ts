// Redis lets several relay processes share one talk (DECK_RELAY_REDIS_URL). It is a helper, not a
// single point of failure: while it is away each process serves its own presenter and viewers, and
// once it is back they share the talk again.
import type { Server } from 'socket.io'
import { createAdapter } from '@socket.io/redis-adapter'
import { createClient } from 'redis'
import { RelayConfigError } from './settings.ts'

/** How soon a client that lost Redis tries it again. */
const RETRY_MS = 500

/** What a failed connection says, in a few words. */
const REASONS: [RegExp, string][] = [
  [/ECONNREFUSED/, 'connection refused'],
  [/ENOTFOUND|EAI_AGAIN/, 'no such host'],
  [/^WRONGPASS/, 'wrong password or user'],
  [/^NOAUTH/, 'it asks for a password'],
  [/^Connection timeout/, 'no answer within 5 s'],
  [/^Socket closed unexpectedly/, 'connection lost'],
]

/** Why a connection failed, without the address's password. */
function reason(error: unknown, url: URL): string {
  const message = error instanceof Error ? error.message : String(error)
  const said = REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? message
  return url.password ? said.replaceAll(url.password, '***') : said
}

/** Joins `io` to the relay processes sharing Redis at `url`; `onBack` runs each time Redis is back. */
export async function shareThroughRedis(io: Server, url: URL, log: (line: string) => void, onBack: () => void) {
  const where = `Redis at ${url.hostname}:${url.port || 6379}`
  let started = false
  const clients = [0, 1].map(() => createClient({
    url: url.href,
    // A move made while Redis is away is not queued, to be replayed stale once it is back.
    disableOfflineQueue: true,
    // At the start a failure is final (a wrong setting); later, Redis is tried until it is back.
    socket: { reconnectStrategy: () => started && RETRY_MS },
  }))
  const away = new Set<object>()
  for (const client of clients) {
    client.on('error', (error) => {
      if (started && !away.size)
        log(`${where} is away (${reason(error, url)}): each relay process goes on with its own viewers`)
      if (started)
        away.add(client)
    })
    client.on('ready', () => {
      if (away.delete(client) && !away.size) {
        log(`${where} is back: the relay processes share the talk again`)
        onBack()
      }
    })
  }
  try {
    await Promise.all(clients.map(client => client.connect()))
  }
  catch (error) {
    await Promise.all(clients.map(client => client.destroy()))
    throw new RelayConfigError(`DECK_RELAY_REDIS_URL: cannot use ${where} (${reason(error, url)})`)
  }
  started = true
  const [pub, sub] = clients
  // The adapter does not wait on what it publishes: while Redis is away that fails, and is dropped.
  const publish = pub.publish.bind(pub)
  Object.assign(pub, { publish: (...args: Parameters<typeof publish>) => publish(...args).catch(() => 0) })
  io.adapter(createAdapter(pub, sub))
  return {
    close: () => Promise.all(clients.map(client => client.isReady ? client.quit().catch(() => {}) : client.destroy())),
  }
}
