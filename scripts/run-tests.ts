// `npm test`: every phase of the suite in order, lint and types side by side, stopping at the
// first failure with its exit code. At the end (or at the failure) it prints the seconds each
// phase took, so the next slow-down shows at once.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import process from 'node:process'

/** Each step runs its phases side by side; a phase is an npm script with its arguments. */
const STEPS: Record<string, string[]>[] = [
  { lint: ['lint'], types: ['typecheck'] },
  { unit: ['test:unit'] },
  { build: ['build', '--', '--base', '/deck/'] },
  { browser: ['test:browser'] },
]

async function run(args: string[]): Promise<number> {
  const [code, signal] = await once(spawn('npm', ['run', ...args], { stdio: 'inherit' }), 'exit')
  return code ?? (signal ? 1 : 0)
}

const seconds: [string, number][] = []
const suiteStarted = performance.now()

function printTimes() {
  // Lint and types overlap: the total is the wall time, not the sum.
  const rows = [...seconds, ['total', (performance.now() - suiteStarted) / 1000] as const]
  console.log('\nphase    seconds')
  for (const [phase, s] of rows)
    console.log(`${phase.padEnd(8)} ${s.toFixed(0).padStart(7)}`)
}

for (const step of STEPS) {
  const started = performance.now()
  const codes = await Promise.all(Object.entries(step).map(async ([phase, args]) => {
    const code = await run(args)
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
