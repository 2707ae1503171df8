// The built deck behind the nginx block of docs/hosting.md on Debian's nginx (tests/support/nginx.ts), as
// Chromium receives it: every text file before slide 1 arrives compressed, brotli where the
// module is installed and gzip where it is not, with Vary: Accept-Encoding. A file without a
// precompressed copy is still compressed on the fly.
import type { Page, Response } from '@playwright/test'
import type { RunningNginx } from '../support/nginx'
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { COMPRESSIBLE } from '../../hosting/compress'
import { DIST, freePort } from '../../scripts/serve-dist'
import { startLiveDeck } from '../support/live-deck'
import { startNginx } from '../support/nginx'

/** The responses of the page, its scripts and styles until Slidev has drawn slide 1. */
async function firstSlideResponses(page: Page, url: string): Promise<Response[]> {
  const responses: Response[] = []
  page.on('response', (response) => {
    if (response.status() === 200 && ['document', 'script', 'stylesheet'].includes(response.request().resourceType()))
      responses.push(response)
  })
  await page.goto(url)
  await startLiveDeck(page)
  await expect(page.locator('#slideshow [data-slidev-no="1"] h1')).toBeVisible()
  await page.evaluate(() => document.fonts.ready)
  return responses
}

test('the build writes a gzip and a brotli copy beside each text file, where smaller', () => {
  const files = readdirSync(DIST, { recursive: true, withFileTypes: true }).filter(entry => entry.isFile()).map(entry => join(entry.parentPath, entry.name))
  const text = files.filter(file => COMPRESSIBLE.has(file.slice(file.lastIndexOf('.'))))
  expect(text.length).toBeGreaterThan(50)
  for (const file of text) {
    for (const suffix of ['.gz', '.br']) {
      const copy = files.includes(`${file}${suffix}`)
      if (copy)
        expect(statSync(`${file}${suffix}`).size, `${file}${suffix}`).toBeLessThan(statSync(file).size)
      else
        expect(statSync(file).size, `${file}: no ${suffix} copy`).toBeLessThan(100)
    }
  }
  expect(files.filter(file => /\.(?:woff2|png|pdf)\.(?:gz|br)$/.test(file)), 'copies of files compressed already').toEqual([])
})

for (const [encoding, brotli] of [
  ['br', true],
  ['gzip', false],
] as const) {
  test.describe(`Debian's nginx with the documented block, ${brotli ? 'with' : 'without'} the brotli module`, () => {
    // One nginx for both tests, in one worker.
    test.describe.configure({ mode: 'default' })
    let nginx: RunningNginx
    test.beforeAll(async () => {
      nginx = await startNginx({ port: await freePort(), brotli })
    })
    test.afterAll(() => nginx?.stop())

    test(`sends slide 1's files ${encoding}-compressed, with Vary: Accept-Encoding`, async ({ browser }) => {
      const context = await browser.newContext({ serviceWorkers: 'block' })
      const page = await context.newPage()
      const responses = await firstSlideResponses(page, nginx.url)
      expect(responses.length).toBeGreaterThan(5)
      let sent = 0
      let raw = 0
      for (const response of responses) {
        const headers = await response.allHeaders()
        const name = new URL(response.url()).pathname
        expect(headers['content-encoding'], name).toBe(encoding)
        expect(headers.vary ?? '', name).toMatch(/Accept-Encoding/i)
        sent += (await response.request().sizes()).responseBodySize
        raw += (await response.body()).length
      }
      // What a change that drops compression would show first: the bytes on the wire.
      expect(sent / raw, `${sent} bytes sent for ${raw}`).toBeLessThan(0.4)
      await context.close()
    })

    test('a script without a copy is compressed on the fly (gzip_types)', async ({ request }) => {
      const script = readdirSync(join(nginx.deck, 'assets')).find(name => name.endsWith('.js'))!
      rmSync(join(nginx.deck, 'assets', `${script}.gz`), { force: true })
      rmSync(join(nginx.deck, 'assets', `${script}.br`), { force: true })
      const response = await request.get(`${nginx.url}assets/${script}`, {
        headers: { 'Accept-Encoding': 'gzip, br' },
      })
      expect(response.status()).toBe(200)
      expect(response.headers()['content-encoding']).toBe('gzip')
    })
  })
}
