// Serves dist/ the way the deck's hosts do, under the base path the build was made for (read
// from the _redirects file Slidev writes). Usage: node tests/support/serve.ts <port> <host>
// Both redirect the bare base ("/deck") to "/deck/".
// - rewrite: Netlify, Vercel and nginx as the shipped configs set them up: files as they are,
//   any other path under the base answered with index.html and 200, the security headers of
//   deploy/headers.ts, a year's cache on hashed assets only, and the build's brotli or gzip
//   copies (Netlify and Vercel compress by themselves; nginx sends the copies);
// - github-pages: no rewrites and no custom headers, gzip only. "/x" is served from x, x.html or
//   x/index.html (redirecting "/x" to "/x/" first, as GitHub Pages does), else 404.html with 404.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import process from 'node:process'
import sirv from 'sirv'
import { HASHED_ASSET_CACHE_CONTROL, HASHED_ASSETS_DIR, SECURITY_HEADERS, SERVICE_WORKER_CACHE_CONTROL, SERVICE_WORKER_FILE } from '../../deploy/headers.ts'
import { ROOT } from './essay.ts'

export const HOSTS = ['rewrite', 'github-pages'] as const
export type Host = typeof HOSTS[number]

export const DIST = join(ROOT, 'dist')

/** The browser tests serve the GitHub Pages host on the port after the main one. */
export function githubPagesPort(port: number): number {
  return port + 1
}

/** The base path of the build in dist/, from Slidev's `<base>*  <base>index.html  200` rule. */
export function builtBase(dist = DIST): string {
  const file = join(dist, '_redirects')
  const rule = existsSync(file)
    ? readFileSync(file, 'utf8').match(/^(\/\S*)\*\s+\1index\.html\s+200\s*$/m)
    : null
  if (!rule)
    throw new Error(`${file}: no "<base>* <base>index.html 200" rule; run npm run build first`)
  return rule[1]
}

type Handler = (req: IncomingMessage, res: ServerResponse) => void

export function hostHandler(host: Host, dist = DIST): Handler {
  const base = builtBase(dist)
  const files = sirv(dist, {
    dev: false,
    etag: true,
    dotfiles: false,
    single: host === 'rewrite',
    gzip: true,
    brotli: host === 'rewrite',
  })
  const notFound = readFileSync(join(dist, '404.html'))
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    if (`${path}/` === base) {
      res.writeHead(301, { Location: base }).end()
      return
    }
    if (!path.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`outside the base path ${base}`)
      return
    }
    const inDist = `/${path.slice(base.length)}`
    if (host === 'rewrite') {
      for (const [name, value] of Object.entries(SECURITY_HEADERS))
        res.setHeader(name, value)
      if (inDist.startsWith(`/${HASHED_ASSETS_DIR}`))
        res.setHeader('Cache-Control', HASHED_ASSET_CACHE_CONTROL)
      if (inDist === `/${SERVICE_WORKER_FILE}`)
        res.setHeader('Cache-Control', SERVICE_WORKER_CACHE_CONTROL)
    }
    else {
      const onDisk = join(dist, inDist)
      if (!inDist.endsWith('/') && existsSync(onDisk) && statSync(onDisk).isDirectory()) {
        res.writeHead(301, { Location: `${path}/` }).end()
        return
      }
    }
    req.url = inDist
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound)
    })
  }
}

if (import.meta.main) {
  const port = Number(process.argv[2] ?? 4173)
  const host = (process.argv[3] ?? 'rewrite') as Host
  if (!HOSTS.includes(host))
    throw new Error(`host "${host}" is not one of ${HOSTS.join(', ')}`)
  createServer(hostHandler(host)).listen(port, '127.0.0.1', () => {
    console.log(`deck served as on ${host} at http://127.0.0.1:${port}${builtBase()}`)
  })
}
