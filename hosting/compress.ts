// A gzip and a brotli copy beside every text file of the built deck, for hosts that send
// precompressed files (nginx, Caddy, a CDN): the best ratio without compressing per request.
import type { Buffer } from 'node:buffer'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'
import { brotliCompress, constants, gzip } from 'node:zlib'

/** Text formats; fonts (woff2), images and the PDFs are compressed already. */
export const COMPRESSIBLE = new Set('.html .js .mjs .css .svg .json .webmanifest .txt .xml .map'.split(' '))

/** Brotli's best quality is slow, and larger files are Mermaid's parts this deck rarely loads. */
const BROTLI_BEST_UP_TO_BYTES = 256_000

const gzipAsync = promisify(gzip)
const brotliAsync = promisify(brotliCompress)
const ENCODINGS = [
  {
    name: 'gzip',
    suffix: '.gz',
    compress: (body: Buffer) => gzipAsync(body, { level: constants.Z_BEST_COMPRESSION }),
  },
  {
    name: 'br',
    suffix: '.br',
    compress: (body: Buffer) => brotliAsync(body, { params: {
      [constants.BROTLI_PARAM_QUALITY]: body.length <= BROTLI_BEST_UP_TO_BYTES ? constants.BROTLI_MAX_QUALITY : 5,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    } }),
  },
] as const

/** Removes the copies an earlier build left under `dir`, which the build does not empty if outside. */
export function removeCopies(dir: string): void {
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const suffix = ENCODINGS.find(encoding => entry.name.endsWith(encoding.suffix))?.suffix
    const file = join(entry.parentPath, entry.name)
    if (entry.isFile() && suffix && existsSync(file.slice(0, -suffix.length)))
      rmSync(file)
  }
}

/** Writes the copies for every compressible file under `dir`; returns what they add up to. */
export async function precompress(dir: string) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter(entry => entry.isFile() && COMPRESSIBLE.has(extname(entry.name)))
    .map(entry => join(entry.parentPath, entry.name))
  const totals = { files: files.length, raw: 0, gzip: 0, br: 0 }
  // zlib's async calls run on libuv's thread pool: files in parallel, a few at a time.
  await Promise.all(files.map(async (file) => {
    const body = readFileSync(file)
    totals.raw += body.length
    for (const { name, suffix, compress } of ENCODINGS) {
      const copy = await compress(body)
      const kept = copy.length < body.length
      if (kept)
        writeFileSync(`${file}${suffix}`, copy)
      else
        rmSync(`${file}${suffix}`, { force: true })
      totals[name] += kept ? copy.length : body.length
    }
  }))
  return totals
}

/** The size a host sends for `file` with `encoding`: its copy's, or the file's own where there is none. */
export function servedSize(file: string, encoding: 'identity' | 'gzip' | 'br'): number {
  const copy = `${file}${ENCODINGS.find(({ name }) => name === encoding)?.suffix}`
  return statSync(encoding !== 'identity' && existsSync(copy) ? copy : file).size
}
