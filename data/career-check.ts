// The checks of the career data that its types cannot make: real dates in order, real https
// addresses, every fact sourced. A mistake stops the build (validateDeckData) and the tests with
// a message naming the entry and the field, rather than drawing a wrong slide.
import type { Plugin } from 'vite'
import type { CareerDate, Milestone } from './career.ts'
import { milestones } from './career.ts'

export class CareerDataError extends Error {
  override name = 'CareerDataError'
}

/** The first and the last day a date may mean, as times. */
function dateBounds({ year, month, day, approximate }: CareerDate): [number, number] {
  if (approximate || month === undefined)
    return [Date.UTC(year, 0, 1), Date.UTC(year, 11, 31)]
  if (day === undefined)
    return [Date.UTC(year, month - 1, 1), Date.UTC(year, month, 0)]
  return [Date.UTC(year, month - 1, day), Date.UTC(year, month - 1, day)]
}

/** Whether `a` is certainly before `b`: every day `a` may mean precedes every day `b` may mean. */
const isCertainlyBefore = (a: CareerDate, b: CareerDate) => dateBounds(a)[1] < dateBounds(b)[0]

function dateProblem(date: CareerDate, field: string): string | undefined {
  const { year, month, day, approximate } = date
  if (month !== undefined && !(month >= 1 && month <= 12))
    return `field "${field}.month" must be 1 to 12, got ${month}`
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(year, month ?? 12, 0)).getUTCDate()
  if (day !== undefined && !(day >= 1 && day <= last))
    return `field "${field}.day" must be 1 to ${last} for ${year}-${String(month).padStart(2, '0')}, got ${day}`
  if (approximate && month !== undefined)
    return `field "${field}" is approximate, so it may give a year only (no month or day)`
}

function urlProblem(url: string, field: string): string | undefined {
  if (!URL.canParse(url))
    return `field "${field}" is not a URL: "${url}"`
  const { protocol, hostname } = new URL(url)
  if (protocol !== 'https:' || !hostname.includes('.'))
    return `field "${field}" must be an https:// address, got "${url}"`
}

/** What is wrong with `entry`, given the latest date the list has passed before it. */
function entryProblem(entry: Milestone, latest: Milestone | undefined): string | undefined {
  const dateIssue = dateProblem(entry.date, 'date') ?? (entry.until && dateProblem(entry.until, 'until'))
  if (dateIssue)
    return dateIssue
  if (entry.until && isCertainlyBefore(entry.until, entry.date))
    return 'field "until" is before field "date"'
  // "c. 2015" may follow "May 2015", but nothing may precede a date the list has passed.
  if (latest && isCertainlyBefore(entry.date, latest.date))
    return `field "date" is earlier than milestone "${latest.id}" before it: keep the list in chronological order`
  return urlProblem(entry.source, 'source')
    ?? entry.moreSources?.map((url, i) => urlProblem(url, `moreSources[${i}]`)).find(Boolean)
}

/** Throws a CareerDataError naming the file, the entry and the field. */
export function validateMilestones(list: readonly Milestone[]): void {
  let latest: Milestone | undefined
  for (const entry of list) {
    const problem = entryProblem(entry, latest)
    if (problem)
      throw new CareerDataError(`data/career.ts: milestone "${entry.id}": ${problem}`)
    if (!latest || dateBounds(entry.date)[0] > dateBounds(latest.date)[0])
      latest = entry
  }
}

/** Checks the career data when the build or the dev server starts. */
export function validateDeckData(list: readonly Milestone[] = milestones): Plugin {
  return {
    name: 'deck:validate-data',
    buildStart() {
      validateMilestones(list)
    },
  }
}
