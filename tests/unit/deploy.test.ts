// The deploy configs a newcomer copies: each parses, builds with the project's own build command
// into the project's own output folder, and sends exactly the headers of hosting/headers.ts.
// The build's base-path and site-address settings refuse bad values with the setting's name.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import process from 'node:process'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { DeployConfigError, resolveBase, resolveSiteUrl } from '../../hosting/base-path'
import { FIRST_SCREEN_FONT_LOAD } from '../../hosting/first-screen/page-markers'
import { contentSecurityPolicy, CSP_DIRECTIVES, HASHED_ASSET_CACHE_CONTROL, HASHED_ASSETS_DIR, SECURITY_HEADERS, SERVICE_WORKER_CACHE_CONTROL, SERVICE_WORKER_FILE } from '../../hosting/headers'
import { usedFiles, withPrecached } from '../../hosting/offline/pwa'
import { ROOT } from '../support/essay'

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8')
const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string>, engines: { node: string } }
const BUILD_COMMAND = 'npm run build'
/** The output folder, as package.json's build script names it. */
const OUT = pkg.scripts.build.match(/--out\s+(\S+)/)?.[1]
const nodeMajor = (version: string) => Number(version.replace(/^\D*/, '').split('.')[0])

describe('package.json', () => {
  it('names the output folder in its build script', () => {
    expect(OUT).toBe('dist')
  })
})

describe('.github/workflows/deploy.yml (GitHub Pages)', () => {
  const workflow = parseYaml(read('.github/workflows/deploy.yml'))
  const steps = Object.values(workflow.jobs).flatMap((job: any) => job.steps) as any[]

  it('builds with the project\'s build command, under the sub-path GitHub Pages gives', () => {
    const build = steps.find(step => step.run === BUILD_COMMAND)
    expect(build, `a step running "${BUILD_COMMAND}"`).toBeDefined()
    // GitHub's own expressions, written as the workflow writes them.
    // eslint-disable-next-line no-template-curly-in-string
    expect(build.env.DECK_BASE).toBe('${{ steps.pages.outputs.base_path }}/')
    // eslint-disable-next-line no-template-curly-in-string
    expect(build.env.DECK_SITE_URL).toBe('${{ steps.pages.outputs.base_url }}/')
    expect(steps.find(step => step.id === 'pages')?.uses).toMatch(/^actions\/configure-pages@/)
    expect(steps.findIndex(step => step.run === 'npm ci')).toBeLessThan(steps.indexOf(build))
  })

  it('publishes the output folder', () => {
    expect(steps.find(step => String(step.uses).startsWith('actions/upload-pages-artifact@'))?.with.path).toBe(OUT)
    expect(steps.some(step => String(step.uses).startsWith('actions/deploy-pages@'))).toBe(true)
    expect(workflow.permissions).toMatchObject({ 'pages': 'write', 'id-token': 'write' })
  })

  it('uses the Node version of .nvmrc, which Slidev accepts', () => {
    expect(steps.find(step => String(step.uses).startsWith('actions/setup-node@'))?.with['node-version-file']).toBe('.nvmrc')
    expect(nodeMajor(read('.nvmrc').trim())).toBeGreaterThanOrEqual(24)
  })
})

describe('netlify.toml', () => {
  const netlify = parseToml(read('netlify.toml')) as any

  it('builds with the project\'s build command into the output folder, on Node 24', () => {
    expect(netlify.build.command).toMatch(new RegExp(`(^|&& )${BUILD_COMMAND}$`))
    expect(netlify.build.publish).toBe(OUT)
    expect(nodeMajor(netlify.build.environment.NODE_VERSION)).toBeGreaterThanOrEqual(24)
  })

  it('leaves deep links to the _redirects file the build writes (it follows the base path)', () => {
    expect(netlify.redirects).toBeUndefined()
  })

  it('sends the security headers everywhere, the long cache on hashed assets only, and no-cache on the service worker', () => {
    const headersFor = (path: string) => netlify.headers.find((rule: any) => rule.for === path)?.values
    expect(headersFor('/*')).toEqual(SECURITY_HEADERS)
    expect(headersFor(`/${HASHED_ASSETS_DIR}*`)).toEqual({ 'Cache-Control': HASHED_ASSET_CACHE_CONTROL })
    expect(headersFor(`/${SERVICE_WORKER_FILE}`)).toEqual({ 'Cache-Control': SERVICE_WORKER_CACHE_CONTROL })
    expect(netlify.headers).toHaveLength(3)
  })
})

describe('vercel.json', () => {
  const vercel = JSON.parse(read('vercel.json'))
  const headersFor = (source: string) => Object.fromEntries(
    (vercel.headers.find((rule: any) => rule.source === source)?.headers ?? []).map(({ key, value }: any) => [key, value]),
  )

  it('builds with the project\'s build command into the output folder', () => {
    expect(vercel.buildCommand).toBe(BUILD_COMMAND)
    expect(vercel.outputDirectory).toBe(OUT)
    expect(vercel.installCommand).toMatch(/npm ci/)
  })

  it('answers a slide\'s path with its own page (N.html) and every other path with the app', () => {
    // Without cleanUrls Vercel answers /5 with index.html, whose first screen is slide 1.
    expect(vercel.cleanUrls).toBe(true)
    expect(vercel.trailingSlash).toBe(false)
    expect(vercel.rewrites).toEqual([
      { source: '/(.*)', destination: '/index.html' },
    ])
  })

  it('sends the security headers everywhere, the long cache on hashed assets only, and no-cache on the service worker', () => {
    expect(headersFor('/(.*)')).toEqual(SECURITY_HEADERS)
    expect(headersFor(`/${HASHED_ASSETS_DIR}(.*)`)).toEqual({ 'Cache-Control': HASHED_ASSET_CACHE_CONTROL })
    expect(headersFor(`/${SERVICE_WORKER_FILE}`)).toEqual({ 'Cache-Control': SERVICE_WORKER_CACHE_CONTROL })
    expect(vercel.headers).toHaveLength(3)
  })
})

describe('the nginx example in docs/hosting.md', () => {
  const block = read('docs/hosting.md').match(/```nginx\n([\s\S]*?)```/)?.[1] ?? ''

  it('serves a slide\'s own page, the app for any other path under the sub-path, and redirects the bare one', () => {
    expect(block).toMatch(/location \/deck\/ \{\s*try_files \$uri \$uri\.html \$uri\/ \/deck\/index\.html;\s*\}/)
    expect(block).toMatch(/location = \/deck \{\s*return 301 \/deck\/;\s*\}/)
  })

  it('sends the security headers on every response, the long cache on hashed assets only, and no-cache on the service worker', () => {
    const sent = Object.fromEntries([
      ...block.matchAll(/^\s*add_header\s+(\S+)\s+(?:"([^"]*)"|(\S+))\s+always;/gm),
    ]
      .map(([, name, quoted, bare]) => [name, quoted ?? bare]))
    expect(sent).toEqual({ ...SECURITY_HEADERS, 'Cache-Control': '$deck_cache_control' })
    expect(block).toContain(`~^/deck/${HASHED_ASSETS_DIR}  "${HASHED_ASSET_CACHE_CONTROL}";`)
    expect(block).toMatch(new RegExp(`^\\s+/deck/${SERVICE_WORKER_FILE.replace('.', '\\.')}\\s+"${SERVICE_WORKER_CACHE_CONTROL}";`, 'm'))
    expect(block).toMatch(/default\s+"";/)
  })
})

describe('the Content-Security-Policy', () => {
  it('names no host but the deck\'s own', () => {
    const sources = Object.values(CSP_DIRECTIVES).flat()
    expect(sources.filter(source => ![
      '\'self\'',
      '\'none\'',
      '\'unsafe-inline\'',
      'data:',
      'blob:',
    ].includes(source) && !/^'sha256-[\w+/]+=*'$/.test(source))).toEqual([])
  })

  it('lets no inline script run but the first screen\'s font load, by its hash', () => {
    const hash = `'sha256-${createHash('sha256').update(FIRST_SCREEN_FONT_LOAD).digest('base64')}'`
    expect(CSP_DIRECTIVES['script-src']).toEqual(['\'self\'', hash])
  })

  it('leaves frame-ancestors out of the <meta> version, where browsers ignore it', () => {
    expect(contentSecurityPolicy('header')).toContain('frame-ancestors')
    expect(contentSecurityPolicy('meta')).not.toContain('frame-ancestors')
  })
})

describe('the base path (DECK_BASE)', () => {
  it.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['deck', '/deck/'],
    ['/deck', '/deck/'],
    ['/deck/', '/deck/'],
    ['/team/talks/', '/team/talks/'],
  ])('%j gives %j', (value, base) => {
    expect(resolveBase(value)).toBe(base)
  })

  it.each([
    'https://example.com/deck/',
    '/deck/../x/',
    '/a//b/',
    '/deck?x=1',
    '/my deck/',
  ])('refuses %j, naming DECK_BASE', (value) => {
    expect(() => resolveBase(value)).toThrow(DeployConfigError)
    expect(() => resolveBase(value)).toThrow(/DECK_BASE/)
  })

  it('takes the site address only when its path is the base path', () => {
    expect(resolveSiteUrl('https://example.github.io/deck', '/deck/')?.href).toBe('https://example.github.io/deck/')
    expect(resolveSiteUrl(undefined, '/')).toBeUndefined()
    expect(() => resolveSiteUrl('https://example.github.io/other/', '/deck/')).toThrow(/DECK_SITE_URL.*\/deck\/.*DECK_BASE/)
    expect(() => resolveSiteUrl('not a url', '/')).toThrow(/DECK_SITE_URL/)
    expect(() => resolveSiteUrl('ftp://example.com/', '/')).toThrow(/DECK_SITE_URL/)
  })

  it('stops npm run build at once with the setting\'s name, before any work', () => {
    const result = spawnSync(process.execPath, [
      join(ROOT, 'scripts', 'build.ts'),
    ], {
      cwd: ROOT,
      env: { ...process.env, DECK_BASE: 'https://example.com/deck/' },
      encoding: 'utf8',
      timeout: 30_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/^\[build\] DECK_BASE="https:\/\/example\.com\/deck\/" is not a base path/m)
  })
})

describe('the service worker\'s precache list, after the build rewrites its pages (withPrecached)', () => {
  const SW = 'define(["./workbox-1"],(function(e){e.precacheAndRoute([{url:"index.html",revision:"old"},{url:"assets/a.js",revision:null}],{})}))'
  const md5 = (text: string) => createHash('md5').update(text).digest('hex')
  const out = withPrecached(SW, { 'index.html': '<p>new</p>', 'read.html': '<p>read</p>' })

  it('gives a listed page the revision of its content now, and lists a new one', () => {
    expect(out).toContain(`{url:"index.html",revision:"${md5('<p>new</p>')}"}`)
    expect(out).not.toContain('revision:"old"')
    expect(out).toContain(`precacheAndRoute([{url:"read.html",revision:"${md5('<p>read</p>')}"},`)
    expect(out).toContain('{url:"assets/a.js",revision:null}')
    expect(out.match(/url:"index\.html"/g)).toHaveLength(1)
  })

  it('holds, of what the deck\'s views asked for, only the built files a visitor needs offline', () => {
    const dist = mkdtempSync(join(tmpdir(), 'deck-used-'))
    for (const file of ['assets/a.js', 'assets/b.woff2', 'deck.pdf', 'og-image.png', 'sw.js', 'index.html', 'assets/a.js.br']) {
      mkdirSync(join(dist, dirname(file)), { recursive: true })
      writeFileSync(join(dist, file), file)
    }
    const asked = ['/deck/assets/a.js', '/deck/assets/b.woff2', '/deck/deck.pdf', '/deck/og-image.png', '/deck/sw.js', '/deck/index.html', '/deck/assets/a.js.br', '/deck/', '/deck/assets/gone.js', '/elsewhere/assets/a.js']
    expect(Object.keys(usedFiles(dist, '/deck/', asked))).toEqual(['assets/a.js', 'assets/b.woff2'])
  })

  it('fails naming the file when it has no precache list', () => {
    expect(() => withPrecached('self.skipWaiting()', { 'read.html': '' })).toThrow(`${SERVICE_WORKER_FILE}: no precacheAndRoute([...]) list to put read.html in`)
  })
})
