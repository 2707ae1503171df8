// withFirstScreen (hosting/first-screen/capture-first-screen.ts), withReadingPage (hosting/reading-view/capture-reading-page.ts) and the
// start script they both load (hosting/first-screen/start-script.ts), on the shape of index.html Slidev and
// hosting/hosted-html.ts write. The browser tests check the built pages themselves
// (tests/browser/first-load.spec.ts, tests/browser/reading.spec.ts).
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { withFirstScreen } from '../../hosting/first-screen/capture-first-screen'
import { DEFERRED_STYLE, FIRST_SCREEN_ID, FIRST_SCREEN_SLIDE, START_APP, START_PRELOADS } from '../../hosting/first-screen/page-markers'
import { withStartScript } from '../../hosting/first-screen/start-script'
import { CSP_DIRECTIVES } from '../../hosting/headers'
import { withReadingPage } from '../../hosting/reading-view/capture-reading-page'
import { READING_PAGE } from '../../hosting/reading-view/reading-page'

const INDEX = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
  <script type="module" crossorigin src="/deck/assets/index-A.js"></script>
  <link rel="modulepreload" crossorigin href="/deck/assets/vue-B.js">
  <link rel="stylesheet" crossorigin href="/deck/assets/index-C.css">
  <link rel="preload" as="font" type="font/woff2" crossorigin="" href="/deck/assets/inter-latin-D.woff2">
  <link rel="modulepreload" crossorigin="" href="/deck/assets/play-E.js">
  <link rel="preload" as="style" crossorigin="" href="/deck/assets/play-F.css">
</head>
<body>
  <div id="app"></div>
</body>
</html>
`
const SCREEN = {
  no: 1,
  markup: '<div class="slidev-slide-container"><h1>Title</h1></div>',
  css: 'h1{font-size:3rem}',
  letters: { 700: 'Title' },
  stylesheets: ['/deck/assets/index-C.css', '/deck/assets/play-F.css', '/deck/assets/md-G.css'],
}

const START = '/deck/assets/deck-start-H.js'

describe('withStartScript', () => {
  const html = withStartScript(INDEX, START, 'index.html')

  it('loads the start script in place of Slidev\'s entry, which waits in its attributes with the preloads', () => {
    expect(html).toContain(`<script type="module" crossorigin src="${START}" ${START_APP}="/deck/assets/index-A.js" ${START_PRELOADS}="/deck/assets/vue-B.js /deck/assets/play-E.js"></script>`)
    expect(html).not.toContain('rel="modulepreload"')
    expect(html).not.toContain('src="/deck/assets/index-A.js"')
  })

  it('keeps the stylesheets and the font', () => {
    for (const link of ['href="/deck/assets/index-C.css"', 'href="/deck/assets/inter-latin-D.woff2"', 'href="/deck/assets/play-F.css"'])
      expect(html).toContain(link)
  })

  it('fails naming the file when Slidev\'s entry is not there', () => {
    expect(() => withStartScript(INDEX.replace(/<script[^>]*><\/script>/, ''), START, 'index.html')).toThrow('index.html: no <script type="module" crossorigin src="..."> for Slidev\'s entry')
  })
})

describe('withFirstScreen', () => {
  const html = withFirstScreen(INDEX, SCREEN, START, '@font-face{src:url(data:font/woff2;base64,AAAA)}')
  const position = (text: string) => {
    expect(html).toContain(text)
    return html.indexOf(text)
  }

  it('puts the copy of the slide before the app, naming its slide', () => {
    expect(position(`<div id="${FIRST_SCREEN_ID}" ${FIRST_SCREEN_SLIDE}="1" inert aria-hidden="true">${SCREEN.markup}</div>`)).toBeLessThan(position('<div id="app">'))
  })

  it('fetches every stylesheet the copy needs without waiting for it, marked for the start script to apply', () => {
    expect(html).not.toContain('rel="stylesheet"')
    position(`<link rel="preload" as="style" crossorigin="" href="/deck/assets/play-F.css" ${DEFERRED_STYLE}>`)
    position(`<link rel="preload" as="style" crossorigin href="/deck/assets/index-C.css" ${DEFERRED_STYLE}>`)
    expect(html.match(/href="\/deck\/assets\/md-G\.css"/g)).toHaveLength(1)
    expect(html.match(/href="\/deck\/assets\/index-C\.css"/g)).toHaveLength(1)
  })

  it('starts loading slide 1\'s letters in the one inline script the CSP allows, by its hash', () => {
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(m => m[1])
    expect(inline).toHaveLength(1)
    expect(CSP_DIRECTIVES['script-src']).toContain(`'sha256-${createHash('sha256').update(inline[0]).digest('base64')}'`)
    expect(position('<script>')).toBeLessThan(position('<link rel="preload"'))
  })

  it('asks for the stylesheets and the font before any module script', () => {
    const firstScript = position('<script type="module"')
    for (const href of [...SCREEN.stylesheets, '/deck/assets/inter-latin-D.woff2'])
      expect(position(`href="${href}"`), href).toBeLessThan(firstScript)
  })

  it('holds the copy\'s CSS and its letters inline, before the stylesheets, which keep the last word', () => {
    const css = position(`@font-face{src:url(data:font/woff2;base64,AAAA)}${SCREEN.css}`)
    for (const href of SCREEN.stylesheets)
      expect(css).toBeLessThan(position(`href="${href}"`))
  })

  it('hides the copy in dark mode and where CSS cannot scale it', () => {
    expect(html).toMatch(new RegExp(`@media \\(prefers-color-scheme: dark\\) \\{ #${FIRST_SCREEN_ID} \\{ display: none; \\} \\}`))
    expect(html).toMatch(new RegExp(`@supports not \\(scale: calc\\(1px / 1px\\)\\) \\{ #${FIRST_SCREEN_ID} \\{ display: none; \\} \\}`))
  })

  it('keeps a dollar sign in the slide as text', () => {
    const money = { ...SCREEN, markup: '<p>$852 billion, $& and $$ and $\' and $`</p>' }
    expect(withFirstScreen(INDEX, money, START)).toContain(`aria-hidden="true">${money.markup}</div>`)
  })

  it('fails with the file and what is missing when the page is not shaped as expected', () => {
    expect(() => withFirstScreen(INDEX.replace('<div id="app"></div>', ''), SCREEN, START)).toThrow('index.html: no <div id="app">')
  })
})

describe('withReadingPage', () => {
  const PAGE = {
    markup: '<main class="reading-view"><section id="1" class="reading-slide"><h1>$852 billion, $& and $$</h1></section></main>',
    stylesheets: ['/deck/assets/index-C.css', '/deck/assets/md-G.css'],
    styles: ['.injected { color: red; }'],
    htmlClass: 'light',
    width: 980,
    height: 552,
  }
  const css = (path: string) => `/* ${path} */`
  const html = withReadingPage(INDEX, PAGE, css, START)

  it('holds the reading view as drawn in #app, marked as the build\'s copy, a $ in it as text', () => {
    expect(html).toContain(`<div id="app" ${READING_PAGE}>${PAGE.markup}</div>`)
    expect(html).toContain('<html class="light" lang="en">')
  })

  it('puts every stylesheet inline, in order, and links none', () => {
    const style = html.slice(html.indexOf('<style>'), html.indexOf('</style>'))
    const order = ['/* /deck/assets/index-C.css */', '/* /deck/assets/md-G.css */', '.injected { color: red; }'].map(text => style.indexOf(text))
    expect(order.every(at => at >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
    expect(html).not.toMatch(/<link rel="(?:stylesheet|preload" as="style)"/)
    expect(html).toContain('href="/deck/assets/inter-latin-D.woff2"')
  })

  it('zooms each slide to the article\'s width in CSS and lays it out near the screen, at its size', () => {
    expect(html).toContain(`#app[${READING_PAGE}] .reading-slide-frame { zoom: calc(100cqw / 980px); }`)
    expect(html).toContain('contain-intrinsic-size: 980px 552px;')
  })

  it('is hidden, for the live view, in dark mode and where CSS cannot divide lengths', () => {
    expect(html).toContain(`@media (prefers-color-scheme: dark) { #app[${READING_PAGE}] > * { display: none; } }`)
    expect(html).toContain(`@supports not (scale: calc(1px / 1px)) { #app[${READING_PAGE}] > * { display: none; } }`)
  })

  it('loads the start script, not Slidev\'s entry', () => {
    expect(html).toContain(`src="${START}" ${START_APP}="/deck/assets/index-A.js"`)
  })

  it('fails naming what is missing when the page is not shaped as expected', () => {
    expect(() => withReadingPage(INDEX.replace('<div id="app"></div>', ''), PAGE, css, START)).toThrow('index.html: no <div id="app"></div>')
  })
})
