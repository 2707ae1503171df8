// withFirstScreen (deploy/first-screen.ts) on the shape of index.html Slidev and deploy/html.ts
// write. The browser tests check the built page itself (tests/browser/first-load.spec.ts).
import { describe, expect, it } from 'vitest'
import { withFirstScreen } from '../../deploy/first-screen'
import { FIRST_SCREEN_ID, FIRST_SCREEN_SLIDE } from '../../setup/first-screen'

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
  stylesheets: ['/deck/assets/index-C.css', '/deck/assets/play-F.css', '/deck/assets/md-G.css'],
}

describe('withFirstScreen', () => {
  const html = withFirstScreen(INDEX, SCREEN)
  const position = (text: string) => {
    expect(html).toContain(text)
    return html.indexOf(text)
  }

  it('puts the copy of the slide before the app, naming its slide', () => {
    expect(position(`<div id="${FIRST_SCREEN_ID}" ${FIRST_SCREEN_SLIDE}="1" inert aria-hidden="true">${SCREEN.markup}</div>`)).toBeLessThan(position('<div id="app">'))
  })

  it('applies every stylesheet the copy needs: preloads become stylesheets, missing ones are linked once', () => {
    expect(html).not.toContain('rel="preload" as="style"')
    position('<link rel="stylesheet" crossorigin="" href="/deck/assets/play-F.css">')
    expect(html.match(/href="\/deck\/assets\/md-G\.css"/g)).toHaveLength(1)
    expect(html.match(/href="\/deck\/assets\/index-C\.css"/g)).toHaveLength(1)
  })

  it('asks for the stylesheets and the font before any script', () => {
    const firstScript = Math.min(position('<script type="module"'), position('rel="modulepreload"'))
    for (const href of [...SCREEN.stylesheets, '/deck/assets/inter-latin-D.woff2'])
      expect(position(`href="${href}"`), href).toBeLessThan(firstScript)
  })

  it('hides the copy in dark mode and where CSS cannot scale it', () => {
    expect(html).toMatch(new RegExp(`@media \\(prefers-color-scheme: dark\\) \\{ #${FIRST_SCREEN_ID} \\{ display: none; \\} \\}`))
    expect(html).toMatch(new RegExp(`@supports not \\(scale: calc\\(1px / 1px\\)\\) \\{ #${FIRST_SCREEN_ID} \\{ display: none; \\} \\}`))
  })

  it('keeps a dollar sign in the slide as text', () => {
    const money = { ...SCREEN, markup: '<p>$852 billion, $& and $$ and $\' and $`</p>' }
    expect(withFirstScreen(INDEX, money)).toContain(`aria-hidden="true">${money.markup}</div>`)
  })

  it('fails with the file and what is missing when the page is not shaped as expected', () => {
    expect(() => withFirstScreen(INDEX.replace('<div id="app"></div>', ''), SCREEN)).toThrow('index.html: no <div id="app">')
  })
})
