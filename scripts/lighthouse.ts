// Lighthouse (the npm package, its mobile preset and default throttling) on a page of the
// hosted deck, in the Chromium the project finds. The test suite holds Accessibility, Best
// Practices and SEO at 100; the benchmark prints Performance and its metrics (one run is noisy).
import { execFile } from 'node:child_process'
import { join } from 'node:path'
import process from 'node:process'
import { CHROMIUM_ARGS, findChromium } from './chromium.ts'

const CLI = join(import.meta.dirname, '..', 'node_modules', 'lighthouse', 'cli', 'index.js')

/** Scores (0 to 100) of `categories` (default all four), audits under 1 outside Performance, LCP, TBT and CLS. */
export async function lighthouse(url: string, categories?: string[]) {
  const only = categories ? [`--only-categories=${categories.join(',')}`] : []
  const args = [CLI, url, '--output=json', '--output-path=stdout', '--quiet', ...only]
  const chrome = [`--chrome-path=${findChromium()}`, `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(' ')}`]
  const options = { maxBuffer: 64 * 1024 * 1024, timeout: 180_000 }
  // Lighthouse exits non-zero on a runtime error, and still prints the report that names it.
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, [...args, ...chrome], options, (error, out) => out ? resolve(out) : reject(error))
  })
  const report = JSON.parse(stdout)
  if (report.runtimeError)
    throw new Error(`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`)
  const scores: Record<string, number> = {}
  const failing: string[] = []
  for (const [id, category] of Object.entries<any>(report.categories)) {
    scores[id] = Math.round(category.score * 100)
    if (id === 'performance')
      continue
    for (const { id: audit, weight } of category.auditRefs) {
      const result = report.audits[audit]
      if (weight > 0 && result.score !== null && result.score < 1)
        failing.push(`${id}/${audit}: ${result.title}`)
    }
  }
  // Without Performance, the load's metrics are not measured.
  const numeric = (id: string): number => report.audits[id]?.numericValue ?? Number.NaN
  const metrics = {
    lcp: numeric('largest-contentful-paint'),
    tbt: numeric('total-blocking-time'),
    cls: numeric('cumulative-layout-shift'),
  }
  return { scores, failing, metrics }
}
