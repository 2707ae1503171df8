// Build-time touches to the index.html Slidev generates, for the hosted deck:
// - the Content-Security-Policy and referrer policy as <meta> tags, for hosts that cannot send
//   headers (GitHub Pages); hosts that can send them as headers too (deploy/headers.ts);
// - og:image under the base path: Slidev writes "./og-image.png", which resolves wrongly from
//   /presenter/N; with the public address (DECK_SITE_URL) it is absolute, with og:url beside
//   it, because link previews (Slack, LinkedIn, X) do not resolve a relative og:image;
// - Slidev 53 writes description, author and keywords through JSON.stringify, so their
//   content carries literal quotes ("&quot;A talk…&quot;"); search results would show them.
import type { Plugin } from 'vite'
import process from 'node:process'
import { BASE_ENV, resolveBase, resolveSiteUrl, SITE_URL_ENV } from './base.ts'
import { contentSecurityPolicy, REFERRER_POLICY } from './headers.ts'

const QUOTED_META = /(<meta name="(?:description|author|keywords)" content=")&quot;(.*?)&quot;(">)/g

export function hostedHtml(env: NodeJS.ProcessEnv = process.env): Plugin {
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
      handler(html) {
        let out = html.replace(QUOTED_META, (_, open: string, text: string, close: string) => `${open}${text.replaceAll('\\n', ' ').trim()}${close}`)
        const ogImage = siteUrl ? new URL('og-image.png', siteUrl).href : `${base}og-image.png`
        out = out.replace(/(<meta property="og:image" content=")\.\/og-image\.png(">)/, `$1${ogImage}$2`)
        if (siteUrl && !out.includes('property="og:url"'))
          out = out.replace('<meta property="og:image"', `<meta property="og:url" content="${siteUrl.href}">\n<meta property="og:image"`)
        return {
          html: out,
          tags: [
            { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', 'content': contentSecurityPolicy('meta') }, injectTo: 'head-prepend' },
            { tag: 'meta', attrs: { name: 'referrer', content: REFERRER_POLICY }, injectTo: 'head-prepend' },
          ],
        }
      },
    },
  }
}
