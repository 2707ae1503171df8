// `npm test`: the suite's phases, two or three side by side to keep both cores busy, stopping at the
// first failure with its exit code; then it prints each phase's seconds, so a slow-down shows at once.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import process from 'node:process'

// The relay's deck is built here, beside the other phases, so that no browser worker waits on a
// build: relay.spec.ts serves it and starts its relay on the port the build was given.
const relayPort = String(Number(process.env.DECK_TEST_PORT ?? 4173) + 2)
const relayDist = join(tmpdir(), `seismic-shift-deck-relay-${relayPort}`)
// Vite leaves old files in a folder outside the project: the build starts from an empty one.
rmSync(relayDist, { recursive: true, force: true })
const relayTest = { DECK_TEST_RELAY_DIST: relayDist, DECK_TEST_RELAY_PORT: relayPort }

interface Phase { args: string[], env?: Record<string, string> }
/** Each step runs its phases side by side, a step starting when the one before has passed. */
const STEPS: Record<string, Phase>[] = [
  { lint: { args: ['lint'] }, types: { args: ['typecheck'] }, build: { args: ['build', '--', '--base', '/deck/'] } },
  {
    'unit': { args: ['test:unit'] },
    'relay build': { args: ['build', '--', '--out', relayDist], env: { DECK_RELAY_URL: `http://127.0.0.1:${relayPort}` } },
  },
  { browser: { args: ['test:browser'], env: relayTest } },
]

async function run({ args, env }: Phase): Promise<number> {
  const child = spawn('npm', ['run', ...args], { stdio: 'inherit', env: { ...process.env, ...env } })
  const [code, signal] = await once(child, 'exit')
  return code ?? (signal ? 1 : 0)
}

const seconds: [string, number][] = []
const suiteStarted = performance.now()

function printTimes() {
  // Phases overlap: the total is the wall time, not the sum.
  const rows = [...seconds, ['total', (performance.now() - suiteStarted) / 1000] as const]
  console.log('\nphase        seconds')
  for (const [phase, s] of rows)
    console.log(`${phase.padEnd(12)} ${s.toFixed(0).padStart(7)}`)
}

for (const step of STEPS) {
  const started = performance.now()
  const codes = await Promise.all(Object.entries(step).map(async ([phase, spec]) => {
    const code = await run(spec)
    return { phase, code, took: (performance.now() - started) / 1000 }
  }))
  seconds.push(...codes.map(({ phase, took }) => [phase, took] as [string, number]))
  const failed = codes.find(({ code }) => code !== 0)
  if (failed) {
    printTimes()
    console.error(`\n${failed.phase} failed (exit code ${failed.code})`)
    process.exit(failed.code)
  }
}
printTimes()
