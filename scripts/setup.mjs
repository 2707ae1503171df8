// Runs a project command with what it needs, so the README's commands work with only Node and npm:
//   node scripts/setup.mjs [--needs chromium,poppler,nginx,redis,libreoffice] -- <command...>
// Plain JavaScript, no dependencies: it runs on the Node the machine came with.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { constants, homedir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import process from 'node:process'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The oldest Node the scripts run on (package.json's engines) and the one to fetch (.nvmrc). */
const [MIN_MAJOR, MIN_MINOR] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).engines.node.match(/(\d+)\.(\d+)/).slice(1).map(Number)
const NODE_MAJOR = readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()
const NODE_DIR = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'seismic-shift-deck', `node-${NODE_MAJOR}`)
const NODE_BIN = join(NODE_DIR, 'node_modules', '.bin')

/** Each need: how to tell it is there, and the Debian packages that provide it. */
const NEEDS = {
  chromium: { present: chromiumPresent, packages: ['chromium'] },
  poppler: { present: () => onPath('pdftotext'), packages: ['poppler-utils'] },
  nginx: {
    present: () => existsSync('/usr/sbin/nginx') && existsSync('/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf'),
    packages: ['nginx', 'libnginx-mod-http-brotli-static'],
  },
  redis: { present: () => existsSync('/usr/bin/redis-server') || onPath('redis-server'), packages: ['redis-server'] },
  // The PowerPoint is checked as a reader without Inter opens it (tests/browser/exports.spec.ts).
  libreoffice: { present: () => onPath('soffice'), packages: ['libreoffice-impress'] },
}

function fail(message) {
  console.error(`[setup] ${message}`)
  process.exit(1)
}

function onPath(name) {
  return (process.env.PATH ?? '').split(delimiter).some(dir => existsSync(join(dir, name)))
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options })
  if (result.error)
    fail(`${command}: ${result.error.message}`)
  return result.status ?? 1
}

/**
 * Runs the command to its end and exits with its code, passing on a stop signal, so that stopping
 * `npm run relay` or `npm run serve` stops the process that listens.
 */
function runToEnd(command, args, options) {
  const child = spawn(command, args, { stdio: 'inherit', ...options })
  const stop = signal => child.kill(signal)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
    process.on(signal, stop)
  // npm passes a stop signal to the shell it runs a script in, which does not pass it on to us.
  const parent = process.ppid
  const orphaned = setInterval(() => process.ppid !== parent && stop('SIGTERM'), 250).unref()
  child.on('error', error => fail(`${command}: ${error.message}`))
  child.on('exit', (code, signal) => {
    clearInterval(orphaned)
    process.exit(code ?? 128 + constants.signals[signal])
  })
}

async function chromiumPresent() {
  const { findChromium } = await import(pathToFileURL(join(ROOT, 'scripts', 'chromium.ts')).href)
  try {
    findChromium()
    return true
  }
  catch {
    return false
  }
}

// 2. Debian packages: installed as root or with password-less sudo, else it stops, saying what to run.
async function installNeeds(needs) {
  const missing = []
  for (const need of needs) {
    if (!(need in NEEDS))
      fail(`unknown need "${need}" (known: ${Object.keys(NEEDS).join(', ')})`)
    if (!(await NEEDS[need].present()))
      missing.push(...NEEDS[need].packages)
  }
  if (missing.length > 0) {
    const root = process.getuid?.() === 0
    const sudo = !root && onPath('sudo') && spawnSync('sudo', ['-n', 'true']).status === 0
    const line = `apt-get install -y ${missing.join(' ')}`
    if (!onPath('apt-get') || (!root && !sudo)) {
      const them = missing.length > 1 ? 'them' : 'it'
      fail(`this command needs ${missing.join(', ')}. Install ${them}, then run it again:\n`
        + `  sudo apt-get update && sudo ${line}\n(or, for Chromium, point CHROMIUM_PATH at a Chrome or Chromium)`)
    }
    console.log(`[setup] installing ${missing.join(', ')} from Debian`)
    const asRoot = args => root ? run(args[0], args.slice(1)) : run('sudo', ['-n', ...args])
    const installed = asRoot(['apt-get', 'update', '-qq']) === 0
      && asRoot(['env', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', ...missing]) === 0
    if (!installed)
      fail(`apt-get could not install ${missing.join(', ')}; run: sudo ${line}`)
  }
}

const separator = process.argv.indexOf('--')
if (separator < 0)
  fail('usage: node scripts/setup.mjs [--needs a,b] -- <command...>')
const options = process.argv.slice(2, separator)
const command = process.argv.slice(separator + 1)
const needs = (options[options.indexOf('--needs') + 1] ?? '').split(',').filter(Boolean)

// 1. Node: an older one (Debian's is 20) fetches .nvmrc's Node into the user's cache once and reruns under it.
const [major, minor] = process.versions.node.split('.').map(Number)
if (major < MIN_MAJOR || (major === MIN_MAJOR && minor < MIN_MINOR)) {
  if (!existsSync(join(NODE_BIN, 'node'))) {
    console.log(`[setup] Node ${process.versions.node} is older than the scripts need (${MIN_MAJOR}.${MIN_MINOR}); fetching Node ${NODE_MAJOR} from the npm registry into ${NODE_DIR}`)
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
    const flags = ['--no-save', '--no-package-lock', '--no-audit', '--no-fund']
    if (run(npm, ['install', '--prefix', NODE_DIR, ...flags, `node@${NODE_MAJOR}`]) !== 0)
      fail(`could not install Node ${NODE_MAJOR}; install Node >= 22.18 yourself (for example with nvm: nvm install ${NODE_MAJOR})`)
  }
  const env = { ...process.env, PATH: `${NODE_BIN}${delimiter}${process.env.PATH}` }
  runToEnd(join(NODE_BIN, 'node'), process.argv.slice(1), { env })
}
else {
  await installNeeds(needs)
  // 3. The command, with this Node first on the PATH for everything it starts.
  const env = { ...process.env, PATH: `${dirname(process.execPath)}${delimiter}${process.env.PATH}` }
  runToEnd(command[0], command.slice(1), { env, cwd: ROOT, shell: process.platform === 'win32' })
}
