// Slidev's client loads some features before slide 1 whether or not a deck uses them: while the
// deck's sources use none, their modules resolve to the stand-ins beside this file. A use the
// source check missed fails the build, naming the file, rather than breaking that slide mid-talk.
import type { Plugin } from 'vite'
import type { DeckFile } from '../deck-files.ts'
import { join, relative } from 'node:path'
import { DECK_ROOT, readDeckFiles } from '../deck-files.ts'

interface Feature {
  name: string
  usedIn: (file: DeckFile) => boolean
  /** What a compiled slide or component that uses it holds. */
  compiled: RegExp
  /** Module ids, and the files beside this one that stand in for them. */
  stubs: { find: RegExp, file: string }[]
}

const isSlide = (file: DeckFile) => file.path.endsWith('.md')

export const FEATURES: Feature[] = [
  {
    // Hover popups for ```ts twoslash blocks (floating-vue and its styles).
    name: 'twoslash code blocks',
    usedIn: file => isSlide(file) && /^```[^\n]*\btwoslash\b/m.test(file.text),
    compiled: /\btwoslash-(?:hover|popup|error|query)/,
    stubs: [
      { find: /^@shikijs\/vitepress-twoslash\/client$/, file: 'twoslash-client.ts' },
      { find: /^@shikijs\/vitepress-twoslash\/style\.css$/, file: 'empty.css' },
    ],
  },
  {
    // KaTeX's stylesheet, which Slidev loads for any two dollar signs; the essay's are money.
    // Math is a $$ block, or $…$ as markdown-it-katex reads it: no space just inside either
    // dollar, no digit after the closing one.
    name: 'KaTeX math',
    usedIn: file => isSlide(file) && /\$\$|\$[^\s$](?:[^$]*?[^\s$\\])?\$(?!\d)/.test(file.text),
    compiled: /\bkatex-(?:html|mathml|display)\b/,
    stubs: [{ find: /^.*\/katex\/dist\/katex\.min\.css$/, file: 'empty.css' }],
  },
  {
    // The v-mark directive's rough-notation and roughjs.
    name: 'the v-mark directive',
    usedIn: file => /\bv-mark\b/.test(file.text),
    compiled: /resolveDirective\(\s*["']mark["']\s*\)/,
    stubs: [{ find: /^@slidev\/rough-notation$/, file: 'rough-notation.ts' }],
  },
]

export class UnusedFeatureError extends Error {
  override name = 'UnusedFeatureError'
}

/** Stubs out each feature no file of the deck uses, and fails the build on a use it missed. */
export function unusedFeatures({ root = DECK_ROOT, files = readDeckFiles(root) }: { root?: string, files?: readonly DeckFile[] } = {}): Plugin {
  const stubbed = FEATURES.filter(feature => !files.some(feature.usedIn))
  const alias = stubbed.flatMap(feature => feature.stubs.map(({ find, file }) => ({ find, replacement: join(import.meta.dirname, file) })))
  let serving = false
  return {
    name: 'deck:unused-features',
    enforce: 'post',
    config: () => ({ resolve: { alias } }),
    configResolved(config) {
      serving = config.command === 'serve'
    },
    transform(code, id) {
      const path = id.split('?')[0]
      if (path.includes('/node_modules/') || !path.startsWith(root))
        return
      for (const feature of stubbed) {
        if (feature.compiled.test(code)) {
          // Slidev compiles each slide as `<file>__slidev_<n>.md`.
          const file = relative(root, path).replace(/__slidev_(\d+)\.md$/, ', slide $1')
          const fix = serving ? 'restart the dev server, which chose when it started' : 'fix its check there'
          throw new UnusedFeatureError(`${file}: uses ${feature.name}, which the build left out as unused `
            + `(hosting/unused-features/unused-features.ts did not find it in the deck's sources): ${fix}`)
        }
      }
    },
  }
}
