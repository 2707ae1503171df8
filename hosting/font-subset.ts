// Inter's Latin file cut to the characters the deck's sources hold, plus ASCII for Slidev's own
// interface: slide 1 waits for this file. Build only, so a character typed into a slide while
// writing it never goes missing; the other scripts' files load only if a character needs them.
import type { Plugin } from 'vite'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import subsetFont from 'subset-font'
import { DECK_ROOT, readDeckFiles } from './deck-files.ts'
import { FIRST_SCREEN_FAMILY } from './first-screen/page-markers.ts'

/** The stylesheet that brings Inter in, and its file with the Latin letters every slide is set in. */
const STYLESHEET = '@fontsource-variable/inter/index.css'
export const FONT_FILE = 'inter-latin-wght-normal.woff2'
/** The family that stylesheet declares. */
export const FONT_FAMILY = 'Inter Variable'

/** Printable ASCII: the letters of Slidev's own interface (nav bar, goto dialog, presenter). */
const ASCII = Array.from({ length: 0x7F - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('')
/** Typographic quotes, dashes and signs, which rendered Markdown can show where the source has ASCII. */
const TYPOGRAPHER = '\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A9\u00AE\u2122\u00A7\u00B1'

/** Every printable character of the deck's text, ASCII and the typographic ones, in code point order. */
function deckCharacters(texts: readonly string[]): string {
  const chars = new Set([...ASCII + TYPOGRAPHER + texts.join('')].filter(char => char >= ' '))
  return [...chars].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join('')
}

const fontsource = (root: string) => createRequire(join(root, 'package.json')).resolve(STYLESHEET)

/**
 * Inter cut to slide 1's letters (`letters`, by weight) as one inline @font-face for the first
 * screen, keeping the weight axis between the weights it uses: it paints in its font with nothing to fetch.
 */
export async function firstScreenFontFace(letters: Record<string, string>, root = DECK_ROOT): Promise<string> {
  const font = readFileSync(join(dirname(fontsource(root)), 'files', FONT_FILE))
  const weights = Object.keys(letters).map(Number)
  if (weights.length === 0)
    return '' // slide 1 sets nothing in Inter
  const [min, max] = [Math.min(...weights), Math.max(...weights)]
  const text = [...new Set(`${Object.values(letters).join('')} `)].join('')
  const cut = await subsetFont(font, text, { targetFormat: 'woff2', variationAxes: { wght: { min, max } } })
  return `@font-face{font-family:"${FIRST_SCREEN_FAMILY}";font-weight:${min} ${max};src:url(data:font/woff2;base64,${cut.toString('base64')}) format("woff2")}`
}

export function subsetFontPlugin(root = DECK_ROOT): Plugin {
  const stylesheet = fontsource(root)
  const original = join(dirname(stylesheet), 'files', FONT_FILE)
  // Same name as the original, so the font preload (hosted-html.ts) matches either.
  const cacheDir = join(root, 'node_modules', '.cache', 'deck-fonts')
  const cut = join(cacheDir, FONT_FILE)
  return {
    name: 'deck:subset-font',
    apply: 'build',
    // Before Vite's CSS plugin resolves the url() and copies the file into assets/.
    enforce: 'pre',
    // Vite inlines small files as data: URLs; a font inlined into the CSS is downloaded by every
    // visitor whatever its unicode-range, while a file is fetched only for a character it holds.
    config: () => ({
      build: {
        assetsInlineLimit: (file: string) => /\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined,
      },
    }),
    async buildStart() {
      const text = deckCharacters(readDeckFiles(root).map(file => file.text))
      const full = readFileSync(original)
      const font = await subsetFont(full, text, { targetFormat: 'woff2' })
      mkdirSync(cacheDir, { recursive: true })
      writeFileSync(cut, font)
      this.info(`${FONT_FILE}: ${[...text].length} characters, ${full.length} → ${font.length} bytes`)
    },
    transform(code, id) {
      if (id.split('?')[0] !== stylesheet)
        return
      const url = `./files/${FONT_FILE}`
      if (!code.includes(url))
        this.error(`${stylesheet}: no url(${url}) to replace; did @fontsource rename its files?`)
      return code.replaceAll(url, relative(dirname(stylesheet), cut).split('\\').join('/'))
    },
  }
}
