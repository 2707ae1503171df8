// A built deck served from loopback the way the hosts serve it: under its base path, with
// index.html for any path that is not a file, and the build's brotli and gzip copies to a browser
// that takes them (deploy/compress.ts). The build copies slide 1 from it and the bench
// measures it; tests/support/serve.ts is the tests' fuller host emulation (headers, GitHub Pages).
import { createServer } from 'node:http'
import sirv from 'sirv'

export interface DistServer {
  /** The deck's address: origin and base path. */
  url: string
  close: () => Promise<void>
}

/** Serves `dist` under `base` on `port` (0: any free port). */
export function serveDist(dist: string, { base = '/', port = 0 } = {}): Promise<DistServer> {
  const files = sirv(dist, {
    single: true,
    dev: false,
    etag: true,
    brotli: true,
    gzip: true,
  })
  const server = createServer((req, res) => {
    const url = req.url ?? '/'
    if (!url.startsWith(base)) {
      res.writeHead(404).end()
      return
    }
    req.url = `/${url.slice(base.length)}`
    files(req, res)
  })
  return new Promise(resolve => server.listen(port, '127.0.0.1', () => {
    const address = server.address()
    resolve({
      url: `http://127.0.0.1:${typeof address === 'object' && address
        ? address.port
        : port}${base}`,
      close: () => new Promise(done => server.close(() => done())),
    })
  }))
}
