// Runs a command and measures its wall time and the peak memory of its whole process tree
// (Slidev's build and export start Chromium and workers, which a single process's peak misses).
import { execFile } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { promisify } from 'node:util'

/** Resident memory of a process and all its descendants, from /proc (Linux). */
export function treeRssKB(root: number): number {
  const processes: { pid: number, ppid: number, kb: number }[] = []
  for (const pid of readdirSync('/proc').filter(entry => /^\d+$/.test(entry))) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      const field = (name: string) => Number(status.match(new RegExp(`^${name}:\\s+(\\d+)`, 'm'))?.[1] ?? 0)
      processes.push({ pid: Number(pid), ppid: field('PPid'), kb: field('VmRSS') })
    }
    catch {} // the process ended while we looked
  }
  let total = 0
  const stack = [root]
  while (stack.length) {
    const pid = stack.pop()
    for (const entry of processes) {
      if (entry.pid === pid)
        total += entry.kb
      if (entry.ppid === pid)
        stack.push(entry.pid)
    }
  }
  return total
}

export async function run(command: string, args: string[], cwd: string): Promise<{ seconds: number, peakMB: number }> {
  const start = performance.now()
  const running = promisify(execFile)(command, args, { cwd, maxBuffer: 1024 ** 3 })
  let peakKB = 0
  const sampler = setInterval(() => peakKB = Math.max(peakKB, treeRssKB(running.child.pid!)), 100)
  try {
    await running
  }
  catch (error) {
    const { stdout, stderr } = error as { stdout?: string, stderr?: string }
    throw new Error(`${command} ${args.join(' ')} (in ${cwd}) failed:\n${`${stdout ?? ''}${stderr ?? ''}`.slice(-3000)}`)
  }
  finally {
    clearInterval(sampler)
  }
  return { seconds: (performance.now() - start) / 1000, peakMB: peakKB / 1024 }
}
