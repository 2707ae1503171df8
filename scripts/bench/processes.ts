// Runs a command and measures its wall time and the peak memory of its whole process tree
// (Slidev's build and export start Chromium and workers, which a single process's peak misses).
import { spawn } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import process from 'node:process'

export interface RunResult { seconds: number, peakMB: number, output: string }

function treeRssKB(root: number): number {
  const children = new Map<number, number[]>()
  const rss = new Map<number, number>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry))
      continue
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(ppid, [
        ...(children.get(ppid) ?? []),
        Number(entry),
      ])
      const kb = readFileSync(`/proc/${entry}/status`, 'utf8').match(/^VmRSS:\s+(\d+)/m)
      rss.set(Number(entry), kb ? Number(kb[1]) : 0)
    }
    catch {} // the process ended while we looked
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()!
    total += rss.get(pid) ?? 0
    stack.push(...(children.get(pid) ?? []))
  }
  return total
}

export function run(command: string, args: string[], options: { cwd: string, env?: NodeJS.ProcessEnv }): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const start = performance.now()
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', chunk => output += chunk)
    child.stderr.on('data', chunk => output += chunk)
    let peakKB = 0
    const sampler = process.platform === 'linux'
      ? setInterval(() => peakKB = Math.max(peakKB, treeRssKB(child.pid!)), 100)
      : undefined
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(sampler)
      const seconds = (performance.now() - start) / 1000
      if (code !== 0)
        reject(new Error(`${command} ${args.join(' ')} (in ${options.cwd}) exited with ${code}:\n${output.slice(-3000)}`))
      else
        resolve({ seconds, peakMB: peakKB / 1024, output })
    })
  })
}
