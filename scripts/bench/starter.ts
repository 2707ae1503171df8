// Slidev's official starter deck, generated at bench time from the create-slidev package's
// template (never committed), with its Slidev set to the version this project uses, so the two
// decks differ in content and settings only. Kept between runs in the system's temp folder.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const require = createRequire(import.meta.url)
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'))

export function installedVersion(name: string): string {
  return readJson(require.resolve(`${name}/package.json`)).version
}

export function prepareStarter() {
  const dir = join(tmpdir(), 'seismic-shift-deck-bench', 'starter')
  const createSlidevVersion = execFileSync('npm', ['view', 'create-slidev', 'version'], { encoding: 'utf8' }).trim()
  // Written last, once the install is done: a folder with the current stamp is ready.
  const stamp = `create-slidev ${createSlidevVersion}, @slidev/cli ${installedVersion('@slidev/cli')}`
  const stampFile = join(dir, '.bench-stamp')
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp)
    return { dir, createSlidevVersion }

  console.log(`[bench] generating the starter from create-slidev ${createSlidevVersion} in ${dir}`)
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(dir, { recursive: true })
  const pack = ['pack', `create-slidev@${createSlidevVersion}`, '--silent', '--pack-destination', dir]
  const tarball = join(dir, execFileSync('npm', pack, { encoding: 'utf8' }).trim().split('\n').pop()!)
  execFileSync('tar', ['-xzf', tarball, '-C', dir, '--strip-components=2', 'package/template'])
  rmSync(tarball)

  const pkg = readJson(join(dir, 'package.json'))
  pkg.dependencies['@slidev/cli'] = installedVersion('@slidev/cli')
  // `slidev export` needs Playwright; its browser download is skipped (--ignore-scripts): the
  // bench hands Slidev the Chromium this project finds.
  pkg.dependencies['playwright-chromium'] = installedVersion('playwright-chromium')
  // The same pins as this project's package.json: Slidev's UnoCSS range names versions the
  // registry does not have.
  pkg.overrides = readJson(join(import.meta.dirname, '..', '..', 'package.json')).overrides
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`)
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: dir, stdio: 'inherit' })
  writeFileSync(stampFile, stamp)
  return { dir, createSlidevVersion }
}
