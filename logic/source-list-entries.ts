// The sources slides are generated from the same data the other slides draw, so a fact cannot
// appear on a slide without its source appearing at the end, labelled with what it supports.
import type { Evidence } from '../data/claims.ts'
import { milestones } from '../data/career.ts'
import { factChecks, hireFacts } from '../data/claims.ts'
import { formatDates } from './career-dates.ts'

/** One source on a sources slide: the facts it supports, its pages, and reports without an address. */
export interface SourceEntry {
  supports: string[]
  urls: string[]
  reports: string[]
}

export const ESSAY_SOURCE: Evidence = {
  supports: 'The essay\'s claims, marked as the essay\'s',
  urls: [],
  report: 'the essay, essay/essay.txt in this deck\'s repository',
}

/** Short text for a link: the address without its scheme. */
export function linkText(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '')
}

const EVIDENCE = {
  /** The essay and what is on record about the hire. */
  hire: [ESSAY_SOURCE, ...hireFacts],
  /** The essay's figures, set against the public record. */
  numbers: factChecks.flatMap(check => check.evidence),
  /** Karpathy's career, each milestone as the fact its pages support: what happened and when. */
  career: milestones.map(m => ({
    supports: `${m.label ?? m.title} (${formatDates(m)})`,
    urls: [m.source, ...(m.moreSources ?? [])],
    report: m.citation,
  })),
} satisfies Record<string, Evidence[]>

export type SourceGroup = keyof typeof EVIDENCE

/** Each group's entries: evidence that shares a page is one entry, so no page appears twice across the slides. */
export const SOURCE_GROUPS: Record<SourceGroup, SourceEntry[]> = (() => {
  interface Draft {
    urls: string[]
    reports: string[]
    cites: { group: SourceGroup, order: number, supports: string }[]
  }
  const drafts: Draft[] = []
  const draftOf = new Map<string, Draft>()
  let order = 0
  for (const [group, evidence] of Object.entries(EVIDENCE) as [SourceGroup, Evidence[]][]) {
    for (const item of evidence) {
      let draft = item.urls.map(url => draftOf.get(url)).find(Boolean)
      if (!draft)
        drafts.push(draft = { urls: [], reports: [], cites: [] })
      draft.cites.push({ group, order: order++, supports: item.supports })
      for (const url of item.urls.filter(url => !draftOf.has(url))) {
        draft.urls.push(url)
        draftOf.set(url, draft)
      }
      if (item.report && !draft.reports.includes(item.report))
        draft.reports.push(item.report)
    }
  }
  // Each entry goes where most of its evidence is, in the order that group first cites it, and
  // lists that group's facts first, in its order (a career's facts in time).
  const placed = drafts.map(({ cites, urls, reports }) => {
    const count = (g: SourceGroup) => cites.filter(c => c.group === g).length
    const group = cites.map(c => c.group).reduce((best, g) => count(g) > count(best) ? g : best)
    const ordered = [...cites.filter(c => c.group === group), ...cites.filter(c => c.group !== group)]
    const supports = [...new Set(ordered.map(c => c.supports))]
    return { group, order: ordered[0].order, entry: { supports, urls, reports } }
  }).sort((a, b) => a.order - b.order)
  const entriesOf = (g: string) => placed.filter(p => p.group === g).map(p => p.entry)
  const groups = Object.keys(EVIDENCE).map(g => [g, entriesOf(g)])
  return Object.fromEntries(groups) as Record<SourceGroup, SourceEntry[]>
})()

/** Every fact with a source: what the sources slides must show, each with its pages. */
export const ALL_EVIDENCE: Evidence[] = Object.values(EVIDENCE).flat()
