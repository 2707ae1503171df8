// A smaller font for the built deck: Inter's Latin file (the one every slide is set in, and the
// one slide 1 waits for) holds about 350 characters; the deck uses about 100. The build cuts it
// to the characters the deck's sources contain, plus printable ASCII for Slidev's own interface,
// and keeps its weight axis and HarfBuzz's default OpenType features (kerning, standard
// ligatures; not stylistic sets or tabular figures, which the deck does not use).
// Only the build does this: `slidev` (dev) and `slidev export` serve the whole file, so a
// character typed into a slide never goes missing while the deck is being written.
// The other files (latin-ext, cyrillic, greek, ...) stay whole: the browser fetches one only for
// a character in its unicode-range.
import type { Plugin } from 'vite'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import subsetFont from 'subset-font'
import { readDeckFiles } from './deck-files.ts'

export interface SubsetFontOptions {
  /** The package's stylesheet (as imported), e.g. '@fontsource-variable/inter/index.css'. */
  stylesheet: string
  /** The file in it to cut, e.g. 'inter-latin-wght-normal.woff2'. */
  file: string
  /** The deck's root; its text is read with readDeckFiles (deck-files.ts). */
  root: string
  /** Where the cut file is written; Vite hashes it from there like any asset. */
  cacheDir: string
}

/** Printable ASCII: the letters of Slidev's own interface (nav bar, goto dialog, presenter). */
const ASCII = Array.from({ length: 0x7F - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')
/**
 * Typographic quotes, dashes, ellipsis and signs, which rendered Markdown can show where the
 * source has ASCII (the deck's "Anthropic's" is drawn with a curly apostrophe).
 */
const TYPOGRAPHER = '\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A9\u00AE\u2122\u00A7\u00B1'

/**
 * Every character in the deck's text, with printable ASCII and the typographic characters, in
 * code point order.
 */
export function deckCharacters(texts: readonly string[]): string {
  const chars = new Set(ASCII + TYPOGRAPHER)
  for (const text of texts) {
    for (const char of text) {
      if (char >= ' ')
        chars.add(char)
    }
  }
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('')
}

export function subsetFontPlugin(options: SubsetFontOptions): Plugin {
  const require = createRequire(join(options.root, 'package.json'))
  const stylesheet = require.resolve(options.stylesheet)
  const original = join(dirname(stylesheet), 'files', options.file)
  // Same name as the original, so the preload rule in vite.config.ts matches either.
  const cut = join(options.cacheDir, options.file)
  return {
    name: 'deck:subset-font',
    apply: 'build',
    // Before Vite's CSS plugin resolves the url() and copies the file into assets/.
    enforce: 'pre',
    async buildStart() {
      const text = deckCharacters(readDeckFiles(options.root).map(file => file.text))
      const font = await subsetFont(readFileSync(original), text, { targetFormat: 'woff2' })
      mkdirSync(options.cacheDir, { recursive: true })
      writeFileSync(cut, font)
      this.info(`${options.file}: ${[...text].length} characters, ${readFileSync(original).length} → ${font.length} bytes`)
    },
    transform(code, id) {
      if (id.split('?')[0] !== stylesheet)
        return
      const url = `./files/${options.file}`
      if (!code.includes(url))
        this.error(`${stylesheet}: no url(${url}) to replace; did @fontsource rename its files?`)
      return code.replaceAll(url, relative(dirname(stylesheet), cut).split('\\').join('/'))
    },
  }
}
