// The deck's own text, which the build reads to cut the font to its characters (font-subset.ts)
// and to leave out the Slidev features it does not use (unused-features/).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The deck's root folder, which every build plugin reads from. */
export const DECK_ROOT = join(import.meta.dirname, '..')

export const DECK_TEXT_PATHS = [
  'slides.md',
  'pages',
  'components',
  'logic',
  'layouts',
  'setup',
  'global-top.vue',
  'custom-nav-controls.vue',
  'data',
  'relay/RelayStatus.vue',
]
const TEXT_FILE = /\.(?:md|vue|ts)$/

export interface DeckFile {
  /** Relative to the deck's root. */
  path: string
  text: string
}

/** Every .md, .vue and .ts file among `paths` (files, or folders read recursively). */
export function readDeckFiles(root = DECK_ROOT, paths: readonly string[] = DECK_TEXT_PATHS): DeckFile[] {
  const files: DeckFile[] = []
  const read = (path: string) => files.push({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  })
  for (const name of paths) {
    const path = join(root, name)
    if (!statSync(path).isDirectory()) {
      read(path)
      continue
    }
    for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && TEXT_FILE.test(entry.name))
        read(join(entry.parentPath, entry.name))
    }
  }
  return files
}
