// The sources slides are generated from the same data the other slides draw, so a fact cannot
// appear on a slide without its source appearing at the end.
import { milestones } from './career'
import { factChecks, hireFacts } from './claims'
import { formatDate } from './dates'

export interface SourceEntry {
  /** What the sources support, in a few words. */
  cites: string
  /** Empty only for the essay itself, which ships with the deck. */
  urls: string[]
}

export const ESSAY_SOURCE: SourceEntry = {
  cites: 'The essay itself (essay/essay.txt): every claim not sourced below',
  urls: [],
}

/** Short text for a link: the address without its scheme. */
export function linkText(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

function years(milestone: typeof milestones[number]): string {
  const start = formatDate(milestone.date, 'year')
  return milestone.until ? `${start}–${formatDate(milestone.until, 'year')}` : start
}

export const SOURCE_GROUPS = {
  /** The essay and what is on record about the hire. */
  hire: [ESSAY_SOURCE, ...hireFacts.map(fact => ({ cites: fact.fact, urls: [fact.source] }))],
  /** The essay's figures, set against the public record. */
  numbers: factChecks.map(check => ({ cites: check.claim, urls: check.sources })),
  /** One entry per page that supports a career milestone, naming what it supports. */
  career: [...Map.groupBy(
    milestones.flatMap(m => [m.source, ...(m.moreSources ?? [])].map(url => ({ url, cites: `${m.organisation}, ${years(m)}` }))),
    ({ url }) => url,
  )].map(([url, uses]) => ({ cites: [...new Set(uses.map(use => use.cites))].join('; '), urls: [url] })),
} satisfies Record<string, SourceEntry[]>

export type SourceGroup = keyof typeof SOURCE_GROUPS
