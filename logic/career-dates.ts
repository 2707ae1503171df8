// How the deck writes a career date, on the timeline and on the sources slides, so both say a
// date alike: never more precise than the sources allow.
import type { CareerDate } from '../data/career.ts'

const inWords = {
  month: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }),
  full: new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' }),
}

/** The date as a UTC `Date`, at the first day it may mean. */
const toDate = (date: CareerDate) => new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1))

export function formatDate(date: CareerDate, precision: 'month' | 'full' = 'full'): string {
  if (date.approximate)
    return `c. ${date.year}`
  if (date.month === undefined)
    return String(date.year)
  return inWords[date.day === undefined ? 'month' : precision].format(toDate(date))
}

/** The machine-readable form for `<time datetime>`: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isoDate(date: CareerDate): string {
  const iso = toDate(date).toISOString()
  if (date.approximate || date.month === undefined)
    return iso.slice(0, 4)
  return iso.slice(0, date.day === undefined ? 7 : 10)
}

/** A milestone's dates: "Jun 2017 to Jul 2022", or its one date. */
export function formatDates(m: { date: CareerDate, until?: CareerDate }): string {
  return m.until ? `${formatDate(m.date)} to ${formatDate(m.until)}` : formatDate(m.date)
}
