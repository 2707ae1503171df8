// Finds the Chromium that export and the browser tests drive. Order: the CHROMIUM_PATH
// variable (an explicit choice wins), Playwright's own browser when someone installed it,
// then a system Chromium: machines without internet cannot download Playwright's build.
import { accessSync, constants, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'

/** Flags this kind of machine needs: root (no sandbox), no GPU, and no calls home. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]

const SYSTEM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

const INSTALL_HINT = `Install one of:
  - Debian/Ubuntu: sudo apt-get install -y chromium
  - any OS with internet: npx playwright install chromium
  - or point CHROMIUM_PATH at an existing Chrome/Chromium binary.`

export class ChromiumNotFoundError extends Error {
  override name = 'ChromiumNotFoundError'
}

const require = createRequire(import.meta.url)

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
    return (require('playwright-core') as typeof import('playwright-core')).chromium.executablePath()
  }
  catch {
    return null
  }
}

/** Tests set `playwrightPath` (null: none for this platform) and `searchPath` (else $PATH and /usr/bin). */
export function findChromium({ env = process.env, playwrightPath, searchPath }: {
  env?: Record<string, string | undefined>
  playwrightPath?: string | null
  searchPath?: string[]
} = {}): string {
  const explicit = env.CHROMIUM_PATH
  if (explicit) {
    if (isExecutable(explicit))
      return explicit
    throw new ChromiumNotFoundError(`CHROMIUM_PATH is set to "${explicit}", but no executable browser is there.\n${INSTALL_HINT}`)
  }
  const bundled = playwrightPath === undefined ? playwrightExecutable() : playwrightPath
  if (bundled && isExecutable(bundled))
    return bundled
  const folders = (searchPath ?? [...(env.PATH ?? '').split(delimiter), '/usr/bin']).filter(Boolean)
  for (const name of SYSTEM_NAMES) {
    const found = folders.map(folder => join(folder, name)).find(isExecutable)
    if (found)
      return found
  }
  throw new ChromiumNotFoundError(
    `No Chromium found (looked at CHROMIUM_PATH, Playwright's own browser, and ${SYSTEM_NAMES.join(', ')} on PATH).\n${INSTALL_HINT}`,
  )
}

/**
 * Slidev's notes export and OG image launch Playwright's own headless shell, which it looks for under
 * PLAYWRIGHT_BROWSERS_PATH: this links what it expects there to `executable`, and returns that setting.
 */
export function playwrightBrowsersEnv(executable: string, folder: string): Record<string, string> {
  if (playwrightExecutable() === executable)
    return {} // Playwright's own browser: nothing to redirect.
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new ChromiumNotFoundError(`Slidev's notes export needs Playwright's own Chromium on ${process.platform}-${process.arch}: npx playwright install chromium-headless-shell`)
  const { browsers } = JSON.parse(
    readFileSync(join(dirname(require.resolve('playwright-core/package.json')), 'browsers.json'), 'utf8'),
  ) as { browsers: { name: string, revision: string }[] }
  const revision = (name: string) => {
    const entry = browsers.find(browser => browser.name === name)
    if (!entry)
      throw new Error(`playwright-core/browsers.json has no "${name}" entry; cannot redirect Playwright to ${executable}`)
    return entry.revision
  }
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
