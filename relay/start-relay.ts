// `npm run relay`: the relay for a live talk (relay/server.ts); its settings come from the
// environment (PORT, DECK_RELAY_KEY, DECK_RELAY_ORIGINS, DECK_RELAY_REDIS_URL, DECK_RELAY_DECK).
import { join } from 'node:path'
import process from 'node:process'
import { RELAY_DECK_FILE } from './protocol.ts'
import { readRelayDeck, RelayConfigError, relayOptionsFromEnv, startRelay } from './server.ts'

try {
  const deck = readRelayDeck(process.env.DECK_RELAY_DECK || join(import.meta.dirname, '..', 'dist', RELAY_DECK_FILE))
  const relay = await startRelay(relayOptionsFromEnv(process.env, deck))
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => relay.close().then(() => process.exit(0)))
}
catch (error) {
  if (error instanceof RelayConfigError) {
    console.error(`[relay] ${error.message}`)
    process.exit(1)
  }
  throw error
}
