// The deck check's report (reports/deck-check/): cleared once before the browser tests, filled
// one line per slide state by the tests (workers restart after a failure, so nothing is kept in
// memory), and summed up in report.json when they end.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ROOT } from './essay'

export const REPORT_DIR = join(ROOT, 'reports', 'deck-check')
export const STATES = join(REPORT_DIR, 'states.jsonl')

export interface StateRecord {
  slide: number
  title: string
  scheme: 'light' | 'dark'
  click: number
  appendix: boolean
  words: number
  smallestPx: number
  smallestText: string
  /** The smallest body text (neither headline, label nor footer), if the slide has any. */
  bodyPx: number | null
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

export function writeSummary(): void {
  if (!existsSync(STATES))
    return
  const states = readFileSync(STATES, 'utf8').trim().split('\n').map(line => JSON.parse(line) as StateRecord)
  // Words per talk slide at its last click (the last state recorded for it).
  const last = new Map(states.filter(s => !s.appendix).map(s => [s.slide, s.words]))
  const words = [...last.values()].sort((a, b) => a - b)
  const bodies = states.filter(s => !s.appendix && s.bodyPx !== null).map(s => s.bodyPx!)
  const summary = {
    date: new Date().toISOString(),
    states: states.length,
    slides: new Set(states.map(s => s.slide)).size,
    talkWords: {
      max: words.at(-1),
      median: words[Math.floor(words.length / 2)],
    },
    appendixWordsMax: Math.max(...states.filter(s => s.appendix).map(s => s.words)),
    smallestTextPx: Math.min(...states.map(s => s.smallestPx)),
    smallestTalkBodyPx: Math.min(...bodies),
    axeSeriousOrCritical: states.reduce((n, s) => n + s.axe.length, 0),
    failing: states.filter(s => s.problems.length > 0).map(s => ({
      slide: s.slide,
      scheme: s.scheme,
      click: s.click,
      problems: s.problems,
    })),
  }
  writeFileSync(join(REPORT_DIR, 'report.json'), `${JSON.stringify({ summary, states }, null, 2)}\n`)
  console.log(`deck check: ${summary.states} states of ${summary.slides} slides; talk words max ${summary.talkWords.max}, median ${summary.talkWords.median}; appendix words max ${summary.appendixWordsMax}; smallest text ${summary.smallestTextPx} px, smallest talk body text ${summary.smallestTalkBodyPx} px; axe serious/critical ${summary.axeSeriousOrCritical}; failing ${summary.failing.length}. Report: reports/deck-check/report.json`)
}
