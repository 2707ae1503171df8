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

/** Why a connection failed, without the address's password, as written or decoded. */
function reason(error: unknown, url: URL): string {
  const message = error instanceof Error ? error.message : String(error)
  let said = REASONS.find(([pattern]) => pattern.test(message))?.[1] ?? message
  let decoded = url.password
  try {
    decoded = decodeURIComponent(url.password)
  }
  catch {} // not percent-encoded after all
  for (const secret of [url.password, decoded].filter(Boolean))
    said = said.replaceAll(secret, '***')
  return said
}

/** Makes `client`'s `methods` drop their failures: the adapter does not wait on what it asks of Redis. */
function dropFailures(client: object, methods: string[]) {
  const target = client as Record<string, (...args: unknown[]) => Promise<unknown>>
  for (const name of methods) {
    const method = target[name].bind(client)
    Object.assign(client, { [name]: (...args: unknown[]) => method(...args).catch(() => {}) })
  }
}

/** Joins `io` to the relay processes sharing Redis at `url`; `onBack` runs each time Redis is back. */
export async function shareThroughRedis(io: Server, url: URL, log: (line: string) => void, onBack: () => void) {
  const where = `Redis at ${url.hostname}:${url.port || 6379}`
  let started = false
  const away = new Set<object>()
  let clients: ReturnType<typeof createClient>[] = []
  try {
    clients = [0, 1].map(() => createClient({
      url: url.href,
      // A move made while Redis is away is not queued, to be replayed stale once it is back.
      disableOfflineQueue: true,
      // At the start a failure is final (a wrong setting); later, Redis is tried until it is back.
      socket: { reconnectStrategy: () => started && RETRY_MS },
    }))
    for (const client of clients) {
      // A client that is still ready erred on a reply, not on the connection.
      client.on('error', (error) => {
        if (!started || client.isReady)
          return
        if (!away.size)
          log(`${where} is away (${reason(error, url)}): each relay process goes on with its own viewers`)
        away.add(client)
      })
      client.on('ready', () => {
        if (away.delete(client) && !away.size) {
          log(`${where} is back: the relay processes share the talk again`)
          onBack()
        }
      })
    }
    await Promise.all(clients.map(client => client.connect()))
  }
  catch (error) {
    await Promise.all(clients.filter(client => client.isOpen).map(client => client.destroy()))
    throw new RelayConfigError(`DECK_RELAY_REDIS_URL: cannot use ${where} (${reason(error, url)})`)
  }
  started = true
  const [pub, sub] = clients
  dropFailures(pub, ['publish'])
  dropFailures(sub, ['subscribe', 'pSubscribe', 'unsubscribe', 'pUnsubscribe'])
  io.adapter(createAdapter(pub, sub))
  return {
    close: () => Promise.all(clients.map(client => client.isReady ? client.quit().catch(() => {}) : client.destroy())),
  }
}
