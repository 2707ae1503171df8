// The deck check's report (reports/deck-check/): cleared once before the browser tests, filled
// one line per slide state by the tests (workers restart after a failure, so nothing is kept in
// memory), and summed up in report.json when they end.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './essay'

export const REPORT_DIR = join(ROOT, 'reports', 'deck-check')
const STATES = join(REPORT_DIR, 'states.jsonl')

export interface StateRecord {
  slide: number
  title: string
  scheme: 'light' | 'dark'
  click: number
  words: number
  smallestPx: number
  smallestText: string
  axe: { rule: string, impact: string, help: string, targets: string[] }[]
  problems: string[]
}

export function clearReport(): void {
  rmSync(REPORT_DIR, { recursive: true, force: true })
  mkdirSync(REPORT_DIR, { recursive: true })
}

export function recordState(record: StateRecord): void {
  appendFileSync(STATES, `${JSON.stringify(record)}\n`)
}

export function writeSummary(limits: { maxWords: number, minFontPx: number }): void {
  if (!existsSync(STATES))
    return
  const states = readFileSync(STATES, 'utf8').trim().split('\n').map(line => JSON.parse(line) as StateRecord)
  const words = states.map(s => s.words).sort((a, b) => a - b)
  const summary = {
    date: new Date().toISOString(),
    states: states.length,
    slides: new Set(states.map(s => s.slide)).size,
    words: { max: words.at(-1), median: words[Math.floor(words.length / 2)], limit: limits.maxWords },
    smallestTextPx: { min: Math.min(...states.map(s => s.smallestPx)), limit: limits.minFontPx },
    axeSeriousOrCritical: states.reduce((n, s) => n + s.axe.length, 0),
    failing: states.filter(s => s.problems.length > 0).map(s => ({ slide: s.slide, scheme: s.scheme, click: s.click, problems: s.problems })),
  }
  writeFileSync(join(REPORT_DIR, 'report.json'), `${JSON.stringify({ summary, states }, null, 2)}\n`)
  console.log(`deck check: ${summary.states} states of ${summary.slides} slides; words max ${summary.words.max}, median ${summary.words.median}; smallest text ${summary.smallestTextPx.min} px; axe serious/critical ${summary.axeSeriousOrCritical}; failing ${summary.failing.length}. Report: reports/deck-check/report.json`)
}
