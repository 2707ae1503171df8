import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.ts'
const b = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS })
const [scheme, ...urls] = process.argv.slice(2)
const p = await b.newPage({ viewport: { width: 980, height: 552 }, colorScheme: scheme as 'light' | 'dark' })
for (const u of urls) {
  await p.goto(`http://127.0.0.1:4179/${u}`); await p.waitForTimeout(1000)
  await p.screenshot({ path: `/tmp/s-${scheme}-${u.replace(/\W/g, '_')}.png` })
}
await b.close()
