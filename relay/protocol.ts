// What the relay and the deck say to each other. The relay trusts nothing it is sent: a position
// is read field by field, and one that is not a slide of this deck at a sane click is dropped.

/** The talk's position: a slide number (1-based) and the click on it. */
export interface TalkPosition { slide: number, click: number }

/** The one socket.io event, both ways: the presenter tells the relay, the relay every page. */
export const POSITION_EVENT = 'position'

/** Each slide's number of clicks, by slide number - 1, as a relay build writes them (RELAY_DECK_FILE). */
export interface RelayDeck { clicks: number[] }
export const RELAY_DECK_FILE = 'relay-deck.json'

/** `data` as a position in `deck`, or undefined if it is not a slide of it at one of its clicks. */
export function readPosition(data: unknown, deck: RelayDeck): TalkPosition | undefined {
  // Whatever `data` is, the test below checks its fields: Number.isInteger refuses a missing or
  // non-numeric one, and a slide outside the deck has no clicks to compare the click with.
  const { slide, click } = (data ?? {}) as TalkPosition
  if (Number.isInteger(slide) && Number.isInteger(click) && click >= 0 && click <= deck.clicks[slide - 1])
    return { slide, click }
}

/** A token bucket: `burst` messages at once, refilled at `perSecond`; one beyond it is dropped, not queued. */
export function createRateLimit(perSecond: number, burst: number, now: () => number = () => performance.now()) {
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
