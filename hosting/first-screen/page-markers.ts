// What the build's copies (the first screen, read.html) and the browser half (first-screen.ts)
// both name. Apart from first-screen.ts, so that vite.config.ts, which bundles the build half,
// does not take in the browser's code.

export const FIRST_SCREEN_ID = 'slidev-first-screen'
/** On the first screen: the slide it shows. */
export const FIRST_SCREEN_SLIDE = 'data-first-screen-slide'
/** On the start script: Slidev's entry module, and the modules to preload with it. */
export const START_APP = 'data-app'
export const START_PRELOADS = 'data-preload'
/** On a stylesheet fetched beside the first screen's inline CSS: applied by the start script, not before. */
export const DEFERRED_STYLE = 'data-deferred-style'
/** The family slide 1's letters take in the first screen (font-subset.ts cuts them from Inter). */
export const FIRST_SCREEN_FAMILY = 'Inter Slide 1'
/**
 * Inline after the letters' @font-face: they decode while the page parses, so slide 1's first
 * layout finds them ready rather than starting their load and painting a second time.
 */
export const FIRST_SCREEN_FONT_LOAD = `document.fonts.load('1em "${FIRST_SCREEN_FAMILY}"')`

/** The copies differ from the live deck in dark mode (set by script) and where CSS cannot divide lengths. */
export const COPY_HIDDEN_MEDIA = '(prefers-color-scheme: dark)'
export const COPY_NEEDS_SUPPORT = 'scale: calc(1px / 1px)'
