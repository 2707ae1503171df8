// Finds the Chromium that export and the browser tests drive. Order: the CHROMIUM_PATH
// variable (an explicit choice wins), Playwright's own browser when someone installed it,
// then a system Chromium. Machines without internet cannot download Playwright's build, so
// the system one is a first-class choice, not a fallback of last resort.
import { accessSync, constants, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'

export const CHROMIUM_ENV = 'CHROMIUM_PATH'

/** Flags this kind of machine needs: root (no sandbox), no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

export const INSTALL_HINT = [
  'Install one of:',
  '  - Debian/Ubuntu: sudo apt-get install -y chromium',
  '  - any OS with internet: npx playwright install chromium',
  `  - or point ${CHROMIUM_ENV} at an existing Chrome/Chromium binary.`,
].join('\n')

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError'
}

export interface ChromiumLookup {
  env?: Record<string, string | undefined>
  /** Where Playwright would look for its own build; null when it has none for this platform. */
  playwrightPath?: string | null
  /** Folders searched for a system Chromium; defaults to $PATH plus /usr/bin. */
  searchPath?: string[]
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  }
  catch {
    return false
  }
}

function playwrightExecutable(): string | null {
  try {
    const require = createRequire(import.meta.url)
    const { chromium } = require('playwright-core') as typeof import('playwright-core')
    return chromium.executablePath()
  }
  catch {
    return null
  }
}

export function findChromium(lookup: ChromiumLookup = {}): string {
  const env = lookup.env ?? process.env
  const explicit = env[CHROMIUM_ENV]
  if (explicit) {
    if (isExecutable(explicit))
      return explicit
    throw new ChromiumNotFoundError(
      `${CHROMIUM_ENV} is set to "${explicit}", but no executable browser is there.\n${INSTALL_HINT}`,
    )
  }

  const bundled = lookup.playwrightPath === undefined ? playwrightExecutable() : lookup.playwrightPath
  if (bundled && isExecutable(bundled))
    return bundled

  const folders = lookup.searchPath ?? [
    ...(env.PATH ?? '').split(delimiter),
    '/usr/bin',
  ]
  for (const name of SYSTEM_NAMES) {
    for (const folder of folders.filter(Boolean)) {
      const candidate = join(folder, name)
      if (isExecutable(candidate))
        return candidate
    }
  }
  throw new ChromiumNotFoundError(
    `No Chromium found (looked at ${CHROMIUM_ENV}, Playwright's own browser, and ${SYSTEM_NAMES.join(', ')} on PATH).\n${INSTALL_HINT}`,
  )
}

/**
 * `slidev export-notes` (and the OG image of `slidev build`) launch Playwright without an
 * executablePath, so Playwright looks for its own headless shell under
 * PLAYWRIGHT_BROWSERS_PATH. This lays out a folder there whose expected binaries are links to
 * the browser we found, and returns the environment that points Playwright at it.
 */
export function playwrightBrowsersEnv(executable: string, folder: string): Record<string, string> {
  if (playwrightExecutable() === executable)
    return {} // Playwright's own browser: nothing to redirect.
  const require = createRequire(import.meta.url)
  const manifest = JSON.parse(
    readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'),
  ) as { browsers: { name: string, revision: string }[] }
  const revision = (name: string) => {
    const entry = manifest.browsers.find(browser => browser.name === name)
    if (!entry)
      throw new Error(`playwright-core/browsers.json has no "${name}" entry; cannot redirect Playwright to ${executable}`)
    return entry.revision
  }
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new ChromiumNotFoundError(`Slidev's notes export needs Playwright's own Chromium on ${process.platform}-${process.arch}: npx playwright install chromium-headless-shell`)
  // Folder names of Playwright's registry for linux-x64 (playwright-core's EXECUTABLE_PATHS).
  const links = [
    join(folder, `chromium_headless_shell-${revision('chromium-headless-shell')}`, 'chrome-headless-shell-linux64', 'chrome-headless-shell'),
    join(folder, `chromium-${revision('chromium')}`, 'chrome-linux64', 'chrome'),
  ]
  for (const link of links) {
    mkdirSync(dirname(link), { recursive: true })
    rmSync(link, { force: true })
    symlinkSync(executable, link)
  }
  return { PLAYWRIGHT_BROWSERS_PATH: folder }
}

// `node scripts/chromium.ts` prints the browser the deck would use, or why there is none.
if (import.meta.main) {
  try {
    console.log(findChromium())
  }
  catch (error) {
    console.error(error instanceof Error ? error.message : error)
    process.exit(1)
  }
}
