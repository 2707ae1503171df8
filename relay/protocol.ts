// What the relay and the deck say to each other. The relay trusts nothing it is sent: a position
// is read field by field, and one that is not a slide of this deck at a sane click is dropped.

/** The talk's position: a slide number (1-based) and the click on it. */
export interface TalkPosition {
  slide: number
  click: number
}

/** Socket.io event names, both ways. */
export const RELAY_EVENTS = {
  /** Presenter to relay, and relay to every page: where the talk is. */
  position: 'position',
  /** Relay to the presenter: how many viewers follow. */
  audience: 'audience',
} as const

/**
 * What the relay knows of the deck: each slide's number of clicks, by slide number - 1. A relay
 * build writes it beside the deck (RELAY_DECK_FILE), measured in the print view, where Slidev
 * has drawn every slide; `npm run relay` reads it.
 */
export interface RelayDeck {
  clicks: number[]
}
export const RELAY_DECK_FILE = 'relay-deck.json'

/** `data` as a position in `deck`, or undefined if it is not a slide of it at one of its clicks. */
export function readPosition(data: unknown, deck: RelayDeck): TalkPosition | undefined {
  if (typeof data !== 'object' || data === null)
    return undefined
  const { slide, click } = data as Record<string, unknown>
  if (!Number.isInteger(slide) || !Number.isInteger(click))
    return undefined
  const clicks = deck.clicks[(slide as number) - 1]
  if (clicks === undefined || (click as number) < 0 || (click as number) > clicks)
    return undefined
  return { slide: slide as number, click: click as number }
}

/**
 * A token bucket: `burst` messages at once, refilled at `perSecond`. A presenter clicking fast
 * sends a few a second; a page sending more is dropped, not queued.
 */
export function createRateLimit(perSecond: number, burst: number, now: () => number = Date.now) {
  let tokens = burst
  let last = now()
  return function allow(): boolean {
    const time = now()
    tokens = Math.min(burst, tokens + (time - last) / 1000 * perSecond)
    last = time
    if (tokens < 1)
      return false
    tokens -= 1
    return true
  }
}
