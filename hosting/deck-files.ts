// The deck's own text, which the build reads to cut the font to its characters (font-subset.ts)
// and to leave out the Slidev features it does not use (unused-features/).
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

/** The deck's root folder, which every build plugin reads from. */
export const DECK_ROOT = join(import.meta.dirname, '..')

const DECK_FILES = ['slides.md', 'global-top.vue', 'custom-nav-controls.vue', 'relay/RelayStatus.vue']
const DECK_FOLDERS = ['pages', 'components', 'logic', 'layouts', 'setup', 'data']
const TEXT_FILE = /\.(?:md|vue|ts)$/

export type DeckFile = ReturnType<typeof readDeckFiles>[number]

/** The deck's files, and every .md, .vue and .ts file in its folders, each path relative to the root. */
export function readDeckFiles(root = DECK_ROOT) {
  const inFolders = DECK_FOLDERS.flatMap(folder => readdirSync(join(root, folder), { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && TEXT_FILE.test(entry.name))
    .map(entry => join(entry.parentPath, entry.name)))
  return [...DECK_FILES.map(file => join(root, file)), ...inFolders]
    .map(path => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }))
}
