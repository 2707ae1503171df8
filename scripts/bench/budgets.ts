// The performance budgets `npm run bench` holds the deck to. Tighten them here; the bench prints
// every figure beside its budget and exits non-zero when one breaks.
export const BUDGETS = {
  /** JS + CSS + fonts transferred (gzip) before slide 1 is visible. */
  firstSlideGzipBytes: 250_000,
  /** Time to slide 1 visible under Lighthouse's mobile profile, as a multiple of Marp's (one HTML file). */
  firstSlideMarpRatio: 1.0,
  /** Time to slide 1 visible, as a fraction of the Slidev starter's. */
  firstSlideTimeRatio: 0.2,
  /** Worst time from a keypress to the next slide shown, over every slide, after preload. */
  nextSlideWorstMs: 100,
  /** The three exports together (slides PDF, handout, PowerPoint), all in, per page. */
  exportSecondsPerPage: 0.5,
  /** `npm run build` wall time, as a multiple of the starter's. */
  buildTimeRatio: 1.2,
  /** The relay with 1000 viewers: presenter to viewer, 95th percentile. */
  relayP95Ms: 100,
  /** What the service worker downloads for offline use on a first visit, brotli. */
  offlineCopyBrotliBytes: 1_000_000,
  /** Lighthouse's mobile Performance score, slide 1 and the reading view. */
  lighthousePerformance: 95,
} as const

/** Code that must not load before slide 1, each by a string only its library has (chunk names change; these do not). */
export const NOT_BEFORE_FIRST_SLIDE: Readonly<Record<string, RegExp>> = {
  'Mermaid': /securityLevel/,
  'Shiki language grammars': /scopeName\s*(?:["']\s*)?:\s*["']source\./,
  'Monaco': /MonacoEnvironment|monaco-editor/,
}
