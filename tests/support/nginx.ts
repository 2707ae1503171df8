// Debian's nginx, run as docs/hosting.md tells a reader to set it up: Debian's stock nginx.conf
// with its server block as the only site, serving a copy of dist/ from /deck/. With
// `brotli`, Debian's brotli module is loaded (libnginx-mod-http-brotli-static) and the block's
// brotli_static line switched on, as the doc says; without it, the module is not there.
import type { ChildProcess } from 'node:child_process'
import { spawn } from 'node:child_process'
import { accessSync, chmodSync, constants, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createConnection } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { builtBase, DIST } from '../../scripts/serve-dist.ts'
import { ROOT } from './essay.ts'

export const NGINX_PACKAGES = 'nginx libnginx-mod-http-brotli-static'
const STOCK_CONF = '/etc/nginx/nginx.conf'
const BROTLI_MODULE_CONF = '/etc/nginx/modules-enabled/50-mod-http-brotli-static.conf'

const HOSTING_DOC = join(ROOT, 'docs', 'hosting.md')

/** The nginx server block of docs/hosting.md, as a reader copies it. */
export function documentedNginxBlock(): string {
  const block = readFileSync(HOSTING_DOC, 'utf8').match(/```nginx\n([\s\S]*?)```/)?.[1]
  if (!block)
    throw new Error(`${HOSTING_DOC}: no \`\`\`nginx block`)
  return block
}

function nginxBinary(): string {
  for (const candidate of ['/usr/sbin/nginx', '/usr/local/sbin/nginx']) {
    try {
      accessSync(candidate, constants.X_OK)
      return candidate
    }
    catch {}
  }
  throw new Error(`The compression tests run Debian's nginx, and there is none here. Install it: sudo apt-get install -y ${NGINX_PACKAGES}`)
}

export interface RunningNginx {
  url: string
  /** The served copy of dist/ (under www/ and the base path), to change before a request. */
  deck: string
  stop: () => Promise<void>
}

/** Whether something accepts connections on `port` on loopback. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.end()
      resolve(true)
    })
    socket.on('error', () => resolve(false))
  })
}

export async function startNginx({ port, brotli, dist = DIST }: { port: number, brotli: boolean, dist?: string }): Promise<RunningNginx> {
  const binary = nginxBinary()
  if (!existsSync(STOCK_CONF) || (brotli && !existsSync(BROTLI_MODULE_CONF)))
    throw new Error(`Debian's nginx configuration is incomplete (${STOCK_CONF}, ${BROTLI_MODULE_CONF}): sudo apt-get install -y ${NGINX_PACKAGES}`)
  const prefix = mkdtempSync(join(tmpdir(), 'deck-nginx-'))
  const base = builtBase(dist)
  const deck = join(prefix, 'www', base)
  cpSync(dist, deck, { recursive: true })
  // The workers run as www-data: the folders above the deck must be open to them (a temporary
  // folder is private; the copy keeps dist/'s own modes).
  chmodSync(prefix, 0o755)
  chmodSync(join(prefix, 'www'), 0o755)

  let site = documentedNginxBlock()
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/var\/www;/, `root ${join(prefix, 'www')};`)
  if (brotli)
    site = site.replace(/#\s*(brotli_static on;)/, '$1')
  writeFileSync(join(prefix, 'deck.conf'), site)
  const conf = readFileSync(STOCK_CONF, 'utf8')
    .replace(/^pid .*$/m, `pid ${join(prefix, 'nginx.pid')};`)
    .replace(/^include \/etc\/nginx\/modules-enabled\/\*\.conf;$/m, brotli
      ? `include ${BROTLI_MODULE_CONF};`
      : '')
    .replace(/^\s*include \/etc\/nginx\/conf\.d\/\*\.conf;$/m, `include ${join(prefix, 'deck.conf')};`)
    .replace(/^\s*include \/etc\/nginx\/sites-enabled\/\*;$/m, '')
    .replace(/^\s*access_log .*$/m, 'access_log off;')
    .replace(/^\s*error_log .*$/m, `error_log ${join(prefix, 'error.log')};`)
  writeFileSync(join(prefix, 'nginx.conf'), conf)

  const nginx: ChildProcess = spawn(binary, [
    '-c',
    join(prefix, 'nginx.conf'),
    '-e',
    join(prefix, 'error.log'),
    '-g',
    'daemon off;',
  ], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  nginx.stderr!.on('data', (chunk) => {
    stderr += chunk
  })
  const exited = new Promise<void>(done => nginx.on('exit', () => done()))
  for (let i = 0; i < 100 && !(await portOpen(port)); i++) {
    if (nginx.exitCode !== null)
      throw new Error(`nginx with the block of docs/hosting.md did not start: ${stderr.trim() || readFileSync(join(prefix, 'error.log'), 'utf8')}`)
    await new Promise(done => setTimeout(done, 100))
  }
  return {
    url: `http://127.0.0.1:${port}${base}`,
    deck,
    stop: async () => {
      nginx.kill('SIGQUIT')
      await exited
    },
  }
}
