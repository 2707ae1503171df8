// A machine without a browser must get a clear answer in seconds, not a hang or a stack trace.
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ChromiumNotFoundError, findChromium } from '../../scripts/chromium'
import { ROOT } from '../support/essay'

describe('findChromium', () => {
  it('names the variable and the fix when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({
      env: { CHROMIUM_PATH: '/nonexistent/chrome' },
    }))
      .toThrowError(/CHROMIUM_PATH is set to "\/nonexistent\/chrome"[\s\S]*apt-get install -y chromium/)
  })

  it('says what to install when there is no browser at all', () => {
    const lookup = {
      env: {},
      playwrightPath: null,
      searchPath: ['/nonexistent'],
    }
    expect(() => findChromium(lookup)).toThrowError(ChromiumNotFoundError)
    expect(() => findChromium(lookup)).toThrowError(/npx playwright install chromium/)
  })

  it('prefers CHROMIUM_PATH, then Playwright\'s own browser, then a system one on the PATH', () => {
    // Executable files stand in for browsers: the lookup only asks whether they can run.
    const folder = mkdtempSync(join(tmpdir(), 'deck-chromium-'))
    const system = join(folder, 'chromium-browser')
    writeFileSync(system, '#!/bin/sh\n')
    chmodSync(system, 0o755)
    const node = process.execPath
    const lookups = [
      {
        env: { CHROMIUM_PATH: node },
        playwrightPath: system,
        searchPath: [folder],
        found: node,
      },
      {
        env: {},
        playwrightPath: node,
        searchPath: [folder],
        found: node,
      },
      {
        env: {},
        playwrightPath: '/nonexistent/chrome',
        searchPath: ['/nonexistent', folder],
        found: system,
      },
      {
        env: {},
        playwrightPath: null,
        searchPath: [folder],
        found: system,
      },
    ]
    for (const { found, ...lookup } of lookups)
      expect(findChromium(lookup), JSON.stringify(lookup)).toBe(found)
  })
})

describe.each(['pdf', 'handout', 'pptx'])('npm run export (%s) without a browser', (kind) => {
  it('exits non-zero within seconds, naming what to install', () => {
    const started = Date.now()
    const result = spawnSync(process.execPath, [
      join(ROOT, 'exports', 'export.ts'),
      kind,
    ], {
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chrome' },
      encoding: 'utf8',
      timeout: 20_000,
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/CHROMIUM_PATH is set to "\/nonexistent\/chrome"/)
    expect(result.stderr).toMatch(/apt-get install -y chromium/)
    expect(Date.now() - started).toBeLessThan(10_000)
  }, 30_000) // Node starting on a busy machine takes longer than vitest's 5 s default.
})
