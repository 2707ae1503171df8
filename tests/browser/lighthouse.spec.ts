// Lighthouse's mobile audit of the hosted deck: slide 1 as the slides (?slides: a phone is
// otherwise offered the reading view) and the reading view. Performance, the costliest audit, is
// the benchmark's.
import { expect, test } from '@playwright/test'
import { lighthouse } from '../../scripts/lighthouse'

for (const path of ['1?slides', 'read']) {
  test(`Lighthouse, mobile, on ${path}: Accessibility, Best Practices and SEO at 100`, async ({ baseURL }) => {
    test.setTimeout(300_000)
    const result = await lighthouse(`${baseURL}${path}`, ['accessibility', 'best-practices', 'seo'])
    expect(result.failing).toEqual([])
    expect(result.scores).toMatchObject({ 'accessibility': 100, 'best-practices': 100, 'seo': 100 })
  })
}
