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
 * The most clicks the relay accepts on one slide. A slide's own count exists only once Slidev has
 * drawn it, in the page; each viewer's Slidev clamps to it, so this bound only keeps junk out.
 */
export const CLICKS_LIMIT = 99

/** `data` as a position in a deck of `slides` slides, or undefined if it is not one. */
export function readPosition(data: unknown, slides: number): TalkPosition | undefined {
  if (typeof data !== 'object' || data === null)
    return undefined
  const { slide, click } = data as Record<string, unknown>
  if (!Number.isInteger(slide) || !Number.isInteger(click))
    return undefined
  if ((slide as number) < 1 || (slide as number) > slides || (click as number) < 0 || (click as number) > CLICKS_LIMIT)
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
