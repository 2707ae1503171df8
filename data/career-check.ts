// The check of the career data, run when the build or the dev server starts (vite.config.ts)
// and by the tests: a typo in a date or a URL must stop the build with a message that names the entry
// and the field, not draw a wrong slide. The components draw the data unchecked: a deck that
// built has passed this.
import type { Plugin } from 'vite'
import type { CareerDate, Era, Kind, Milestone } from './career.ts'
import { ERA_LABELS, milestones } from './career.ts'

export const CAREER_FILE = 'data/career.ts'

export class CareerDataError extends Error {
  override name = 'CareerDataError'
}

const KINDS: Kind[] = ['role', 'work']
const DAYS_IN_MONTH = [
  31,
  29,
  31,
  30,
  31,
  30,
  31,
  31,
  30,
  31,
  30,
  31,
]

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && !isLeapYear(year)
    ? 28
    : DAYS_IN_MONTH[month - 1]
}

/** The first and the last day a date may mean, as comparable numbers (YYYYMMDD). */
export function dateBounds(date: CareerDate): [number, number] {
  const key = (y: number, m: number, d: number) => y * 10_000 + m * 100 + d
  if (date.approximate || date.month === undefined) {
    return [
      key(date.year, 1, 1),
      key(date.year, 12, 31),
    ]
  }
  if (date.day === undefined) {
    return [
      key(date.year, date.month, 1),
      key(date.year, date.month, daysInMonth(date.year, date.month)),
    ]
  }
  return [
    key(date.year, date.month, date.day),
    key(date.year, date.month, date.day),
  ]
}

/** Whether `a` is certainly before `b`: every day `a` may mean precedes every day `b` may mean. */
export function isCertainlyBefore(a: CareerDate, b: CareerDate): boolean {
  return dateBounds(a)[1] < dateBounds(b)[0]
}

function dateProblem(date: unknown, field: string): string | undefined {
  if (date === undefined || date === null || typeof date !== 'object')
    return `field "${field}" is missing`
  const { year, month, day, approximate } = date as Partial<CareerDate>
  if (!Number.isInteger(year) || year! < 1900 || year! > 2100)
    return `field "${field}.year" must be a year from 1900 to 2100, got ${JSON.stringify(year)}`
  if (month !== undefined && (!Number.isInteger(month) || month < 1 || month > 12))
    return `field "${field}.month" must be 1 to 12, got ${JSON.stringify(month)}`
  if (day !== undefined) {
    if (month === undefined)
      return `field "${field}.day" is given without a month`
    const last = daysInMonth(year!, month)
    if (!Number.isInteger(day) || day < 1 || day > last)
      return `field "${field}.day" must be 1 to ${last} for ${year}-${String(month).padStart(2, '0')}, got ${JSON.stringify(day)}`
  }
  if (approximate && (month !== undefined || day !== undefined))
    return `field "${field}" is approximate, so it may give a year only (no month or day)`
  return undefined
}

function urlProblem(url: unknown, field: string): string | undefined {
  if (typeof url !== 'string' || url === '')
    return `field "${field}" is missing`
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' || !parsed.hostname.includes('.'))
      return `field "${field}" must be an https:// address, got "${url}"`
  }
  catch {
    return `field "${field}" is not a URL: "${url}"`
  }
  return undefined
}

/** Throws a CareerDataError naming the file, the entry and the field; returns the list if sound. */
export function validateMilestones(list: readonly Milestone[], file = CAREER_FILE): readonly Milestone[] {
  const seenIds = new Map<string, number>()
  const seenFacts = new Map<string, string>()
  list.forEach((entry, index) => {
    const name = `${file}: milestone ${typeof entry?.id === 'string' && entry.id
      ? `"${entry.id}"`
      : `#${index + 1}`}`
    const fail = (problem: string): never => {
      throw new CareerDataError(`${name}: ${problem}`)
    }
    if (typeof entry?.id !== 'string' || !/^[a-z0-9-]+$/.test(entry.id))
      fail('field "id" must be lower-case words joined by "-"')
    if (seenIds.has(entry.id))
      fail(`field "id" duplicates milestone #${seenIds.get(entry.id)! + 1}`)
    seenIds.set(entry.id, index)

    for (const field of ['title', 'organisation', 'why'] as const) {
      if (typeof entry[field] !== 'string' || entry[field].trim() === '')
        fail(`field "${field}" is missing`)
    }
    if (entry.citation !== undefined && (typeof entry.citation !== 'string' || entry.citation.trim() === ''))
      fail('field "citation" must say how the research notes name the source, or be left out')
    if (entry.label !== undefined && (typeof entry.label !== 'string' || entry.label.trim() === '' || entry.label.split(/\s+/).length > 3))
      fail('field "label" must be one to three words, or left out')
    if (!KINDS.includes(entry.kind))
      fail(`field "kind" must be one of ${KINDS.join(', ')}, got ${JSON.stringify(entry.kind)}`)
    if (!(entry.era in ERA_LABELS))
      fail(`field "era" must be one of ${Object.keys(ERA_LABELS).join(', ')}, got ${JSON.stringify(entry.era as Era)}`)

    const dateIssue = dateProblem(entry.date, 'date') ?? (entry.until === undefined
      ? undefined
      : dateProblem(entry.until, 'until'))
    if (dateIssue)
      fail(dateIssue)
    if (entry.until && isCertainlyBefore(entry.until, entry.date))
      fail('field "until" is before field "date"')

    const urlIssue = urlProblem(entry.source, 'source')
      ?? (entry.moreSources ?? []).map((url, i) => urlProblem(url, `moreSources[${i}]`)).find(Boolean)
    if (urlIssue)
      fail(urlIssue)

    const fact = `${entry.title.trim().toLowerCase()}|${entry.date.year}`
    if (seenFacts.has(fact))
      fail(`duplicates milestone "${seenFacts.get(fact)}" (same title and year)`)
    seenFacts.set(fact, entry.id)

    // Chronological order, at the precision each date has: "c. 2015" may follow "May 2015",
    // but nothing may come before a date that something earlier in the list certainly passed.
    const passed = list.slice(0, index).reduce<Milestone | undefined>(
      (latest, m) => !latest || dateBounds(m.date)[0] > dateBounds(latest.date)[0]
        ? m
        : latest,
      undefined,
    )
    if (passed && isCertainlyBefore(entry.date, passed.date))
      fail(`field "date" is earlier than milestone "${passed.id}" before it: keep the list in chronological order`)
  })
  return list
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
