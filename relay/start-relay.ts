// `npm run relay`: the relay for a live talk (relay/server.ts); its settings come from the
// environment (PORT, DECK_RELAY_KEY, DECK_RELAY_ORIGINS, DECK_RELAY_REDIS_URL, DECK_RELAY_DECK).
import { join } from 'node:path'
import process from 'node:process'
import { RELAY_DECK_FILE } from './protocol.ts'
import { startRelay } from './server.ts'
import { readRelayDeck, RelayConfigError, relayOptionsFromEnv } from './settings.ts'

/** How long a stopping relay waits for its connections to close before it exits anyway. */
const STOP_MS = 1500

try {
  const deck = readRelayDeck(process.env.DECK_RELAY_DECK || join(import.meta.dirname, '..', 'dist', RELAY_DECK_FILE))
  const relay = await startRelay(relayOptionsFromEnv(process.env, deck))
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // A terminal's Ctrl-C reaches the relay twice, from the terminal and from the setup script.
    process.on(signal, () => {
      if (stopping)
        return
      stopping = true
      setTimeout(() => process.exit(0), STOP_MS).unref()
      relay.close().finally(() => process.exit(0))
    })
  }
}
catch (error) {
  if (error instanceof RelayConfigError) {
    console.error(`[relay] ${error.message}`)
    process.exit(1)
  }
  throw error
}
