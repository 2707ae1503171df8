// Serves a built deck from loopback as its hosts do, under its base path: `plain` (the files and
// their compressed copies), `rewrite` (Netlify, Vercel, nginx: rewrites and the shipped headers),
// `github-pages` (no rewrites or headers, 404.html). As a server: node scripts/serve-dist.ts <port> <host>
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { once } from 'node:events'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { createServer } from 'node:http'
import { createServer as createNetServer } from 'node:net'
import { join } from 'node:path'
import process from 'node:process'
import sirv from 'sirv'
import { HASHED_ASSET_CACHE_CONTROL, HASHED_ASSETS_DIR, SECURITY_HEADERS, SERVICE_WORKER_CACHE_CONTROL, SERVICE_WORKER_FILE } from '../hosting/headers.ts'

const HOSTS = ['plain', 'rewrite', 'github-pages'] as const
type Host = typeof HOSTS[number]

export const DIST = join(import.meta.dirname, '..', 'dist')

/** The browser tests serve the GitHub Pages host on the port after the main one. */
export function githubPagesPort(port: number): number {
  return port + 1
}

/** The base path of the build in dist/, from Slidev's `<base>*  <base>index.html  200` rule. */
export function builtBase(dist = DIST): string {
  const file = join(dist, '_redirects')
  const rule = existsSync(file) && readFileSync(file, 'utf8').match(/^(\/\S*)\*\s+\1index\.html\s+200\s*$/m)
  if (!rule)
    throw new Error(`${file}: no "<base>* <base>index.html 200" rule; run npm run build first`)
  return rule[1]
}

/** A free port on loopback, for a server started after this returns (a relay, nginx, Redis). */
export async function freePort(): Promise<number> {
  const server = createNetServer().listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  await new Promise(closed => server.close(closed))
  return port
}

export function hostHandler(host: Host, dist = DIST): (req: IncomingMessage, res: ServerResponse) => void {
  const base = builtBase(dist)
  // GitHub Pages rewrites nothing and has no brotli copies.
  const pages = host === 'github-pages'
  const files = sirv(dist, { etag: true, gzip: true, single: !pages, brotli: !pages })
  const notFound = readFileSync(join(dist, '404.html'))
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname)
    if (`${path}/` === base)
      return res.writeHead(301, { Location: base }).end()
    if (!path.startsWith(base))
      return res.writeHead(404, { 'Content-Type': 'text/plain' }).end(`outside the base path ${base}`)
    const inDist = `/${path.slice(base.length)}`
    if (host === 'rewrite') {
      res.setHeaders(new Map(Object.entries(SECURITY_HEADERS)))
      if (inDist.startsWith(`/${HASHED_ASSETS_DIR}`))
        res.setHeader('Cache-Control', HASHED_ASSET_CACHE_CONTROL)
      if (inDist === `/${SERVICE_WORKER_FILE}`)
        res.setHeader('Cache-Control', SERVICE_WORKER_CACHE_CONTROL)
    }
    // GitHub Pages sends a folder's address without its slash to the address with it.
    const onDisk = join(dist, inDist)
    if (pages && !inDist.endsWith('/') && existsSync(onDisk) && statSync(onDisk).isDirectory())
      return res.writeHead(301, { Location: `${path}/` }).end()
    req.url = inDist
    files(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8' }).end(notFound)
    })
  }
}

export type DistServer = Awaited<ReturnType<typeof serveDist>>

/** Serves `dist` as `host` serves it, on `port` (0: any free port), on loopback unless `bind` says otherwise. */
export async function serveDist(dist: string, { host = 'plain' as Host, port = 0, bind = '127.0.0.1' } = {}) {
  const server = createServer(hostHandler(host, dist)).listen(port, bind)
  await once(server, 'listening')
  const origin = `http://${bind === '0.0.0.0' ? '127.0.0.1' : bind}:${(server.address() as AddressInfo).port}`
  return {
    url: `${origin}${builtBase(dist)}`, // the deck's address: origin and base path
    close: () => new Promise<void>((done) => {
      server.close(() => done())
      server.closeAllConnections()
    }),
  }
}

if (import.meta.main) {
  const port = Number(process.argv[2] ?? 4173)
  const host = (process.argv[3] ?? 'rewrite') as Host
  if (!HOSTS.includes(host))
    throw new Error(`host "${host}" is not one of ${HOSTS.join(', ')}`)
  // A fourth argument, 0.0.0.0, serves the room's network (a live talk from a laptop).
  const served = await serveDist(DIST, { host, port, bind: process.argv[4] }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE')
      throw error
    console.error(`[serve] port ${port} is in use: stop what listens there, or give another (npm run serve -- PORT)`)
    process.exit(1)
  })
  console.log(`deck served as on ${host} at ${served.url}`)
}
