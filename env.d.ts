/** The relay's origin in a deck built with DECK_RELAY_URL, else "" (relay/relay-plugin.ts). */
declare const __DECK_RELAY_URL__: string
