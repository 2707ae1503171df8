import process from 'node:process'
import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium.ts'
import { builtBase, githubPagesPort } from './scripts/serve-dist.ts'

// DECK_TEST_PORT lets two checkouts run their browser tests side by side. The deck is served
// twice: as a host with rewrites serves it (Netlify, Vercel, nginx), which every spec uses, and
// as GitHub Pages serves it (no rewrites, no headers), on the next port, for hosting.spec.ts.
const PORT = Number(process.env.DECK_TEST_PORT ?? 4173)
const GITHUB_PAGES_PORT = githubPagesPort(PORT)
const BASE = builtBase()
const LONG_SPECS = /(relay|exports|offline)\.spec\.ts$/

export default defineConfig({
  testDir: 'tests/browser',
  timeout: 120_000,
  // Two workers share two cores with the build's servers: a slide can take longer than 5 s to draw.
  expect: { timeout: 10_000 },
  // One worker per core; a spec whose tests share a server or a page keeps them in one (test.describe.configure).
  fullyParallel: true,
  workers: 2,
  reporter: 'list',
  outputDir: 'test-results',
  globalSetup: './tests/support/global-setup.ts',
  globalTeardown: './tests/support/global-teardown.ts',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    viewport: { width: 1280, height: 720 },
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    // A fresh context would install the offline worker, which downloads the whole deck at once
    // and costs more than most tests. The offline specs and the CSP check of the views allow it.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
    // A trace records the DOM at every action of every test, failed or not, and costs the suite a
    // good share of its CPU: `npx playwright test <spec> --trace retain-on-failure` brings it back.
    trace: 'off',
  },
  // Workers take tests in the projects' order: the specs that build, export or start servers
  // before their first test go first, so neither worker is left with them at the end.
  projects: [
    { name: 'long', testMatch: LONG_SPECS },
    { name: 'browser', testIgnore: LONG_SPECS },
  ],
  webServer: ([[PORT, 'rewrite'], [GITHUB_PAGES_PORT, 'github-pages']] as const).map(([port, host]) => ({
    command: `node scripts/serve-dist.ts ${port} ${host}`,
    url: `http://127.0.0.1:${port}${BASE}`,
    reuseExistingServer: false,
    timeout: 30_000,
  })),
})
