// The built index.html as hosts serve it: the CSP and referrer policy as <meta> (GitHub Pages
// sends no headers), an og:image link previews can resolve, meta tags without Slidev's JSON
// quotes, and preloads for what slide 1 needs before Slidev's code asks for it.
import type { HtmlTagDescriptor, Plugin } from 'vite'
import process from 'node:process'
import { BASE_ENV, resolveBase, resolveSiteUrl, SITE_URL_ENV } from './base-path.ts'
import { FONT_FILE } from './font-subset.ts'
import { contentSecurityPolicy, REFERRER_POLICY } from './headers.ts'

const QUOTED_META = /(<meta name="(?:description|author|keywords)" content=")&quot;(.*?)&quot;(">)/g

/** The modules slide 1 needs that the HTML does not name: Slidev's play route and the slide. */
const FIRST_SCREEN_MODULES = [/\/@slidev\/client\/pages\/play\.vue$/, /^\/@slidev\/slides\/1\/md$/]

/** The font file slide 1 is set in, as the build names it under assets/ (font-subset.ts). */
const FIRST_SCREEN_FONT = new RegExp(`^${FONT_FILE.replace('.woff2', '')}-[\\w-]+\\.woff2$`)

/** `connect`: the origins, beyond the deck's own, its CSP lets the page connect to (a relay's). */
export function hostedHtml(connect: readonly string[] = [], env: NodeJS.ProcessEnv = process.env): Plugin {
  let base = '/'
  let siteUrl: URL | undefined
  return {
    name: 'deck:hosted-html',
    apply: 'build',
    configResolved(config) {
      base = resolveBase(config.base, `${BASE_ENV} (Vite base "${config.base}")`)
      siteUrl = resolveSiteUrl(env[SITE_URL_ENV], base)
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        let out = html.replace(QUOTED_META, (_, open: string, text: string, close: string) => `${open}${text.replaceAll('\\n', ' ').trim()}${close}`)
        const ogImage = siteUrl ? new URL('og-image.png', siteUrl).href : `${base}og-image.png`
        out = out.replace(/(<meta property="og:image" content=")\.\/og-image\.png(">)/, `$1${ogImage}$2`)
        if (siteUrl && !out.includes('property="og:url"'))
          out = out.replace('<meta property="og:image"', `<meta property="og:url" content="${siteUrl.href}">\n<meta property="og:image"`)
        const csp = contentSecurityPolicy('meta', connect)
        const tags: HtmlTagDescriptor[] = [
          { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', 'content': csp }, injectTo: 'head-prepend' },
          { tag: 'meta', attrs: { name: 'referrer', content: REFERRER_POLICY }, injectTo: 'head-prepend' },
        ]
        // href last: the first screen's and reading page's rewrites of index.html read it there.
        const link = (file: string, attrs: Record<string, string>): HtmlTagDescriptor =>
          ({ tag: 'link', attrs: { ...attrs, crossorigin: '', href: `${base}${file}` }, injectTo: 'head' })
        const bundle = context.bundle ?? {}
        for (const file of Object.keys(bundle).filter(file => FIRST_SCREEN_FONT.test(file.split('/').pop()!)))
          tags.push(link(file, { rel: 'preload', as: 'font', type: 'font/woff2' }))
        const scripts = new Set<string>()
        const styles = new Set<string>()
        const visit = (file: string) => {
          const chunk = bundle[file]
          if (!chunk || chunk.type !== 'chunk' || scripts.has(file))
            return
          scripts.add(file)
          for (const css of chunk.viteMetadata?.importedCss ?? [])
            styles.add(css)
          chunk.imports.forEach(visit)
        }
        for (const [file, chunk] of Object.entries(bundle)) {
          if (chunk.type === 'chunk' && FIRST_SCREEN_MODULES.some(pattern => pattern.test(chunk.facadeModuleId ?? '')))
            visit(file)
        }
        const unnamed = (file: string) => !out.includes(`${base}${file}"`)
        for (const file of [...scripts].filter(unnamed))
          tags.push(link(file, { rel: 'modulepreload' }))
        for (const file of [...styles].filter(unnamed))
          tags.push(link(file, { rel: 'preload', as: 'style' }))
        return { html: out, tags }
      },
    },
  }
}
