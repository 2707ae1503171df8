// The path the deck is served under ("/" at a domain's root, "/<repo>/" on GitHub Pages).
// One setting, DECK_BASE, read by scripts/build.ts and handed to Slidev as --base.

export const BASE_ENV = 'DECK_BASE'
export const SITE_URL_ENV = 'DECK_SITE_URL'

export class DeployConfigError extends Error {}

/** "" and undefined give "/", "deck" and "/deck" give "/deck/"; a URL, "..", a query are refused. */
export function resolveBase(value: string | undefined, source = BASE_ENV): string {
  const raw = (value ?? '').trim()
  if (raw === '' || raw === '/')
    return '/'
  const path = `/${raw.replace(/^\/+|\/+$/g, '')}/`
  const segments = path.slice(1, -1).split('/')
  const bad = segments.find(segment => segment === '' || segment === '.' || segment === '..' || !/^[\w.~-]+$/.test(segment))
  if (bad !== undefined) {
    throw new DeployConfigError(`${source}="${value}" is not a base path: use a path like /deck/ (letters, digits, . _ ~ - between slashes); ${bad === ''
      ? 'an empty segment ("//")'
      : `"${bad}"`} is not allowed`)
  }
  return path
}

/** The deck's public address, for link previews' absolute og:image and og:url, under the base path. */
export function resolveSiteUrl(value: string | undefined, base: string, source = SITE_URL_ENV): URL | undefined {
  const raw = (value ?? '').trim()
  if (raw === '')
    return undefined
  const url = URL.parse(raw.endsWith('/') ? raw : `${raw}/`)
  if (!url)
    throw new DeployConfigError(`${source}="${value}" is not a URL: use the deck's public address, like https://example.github.io${base}`)
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new DeployConfigError(`${source}="${value}" must be an http(s) address`)
  if (url.pathname !== base)
    throw new DeployConfigError(`${source}="${value}" ends in ${url.pathname} but the deck is built for ${base} (${BASE_ENV}): make them agree`)
  return url
}
