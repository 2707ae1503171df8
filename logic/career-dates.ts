// How the deck writes a career date, on the timeline (CareerTimeline.vue) and on the sources
// slides (source-list-entries.ts), so both say a date alike.
import type { CareerDate } from '../data/career.ts'

const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** What the deck may say of a date: never more precise than the sources allow. */
export function formatDate(date: CareerDate, precision: 'year' | 'month' | 'full' = 'full'): string {
  if (date.approximate)
    return `c. ${date.year}`
  if (precision === 'year' || date.month === undefined)
    return String(date.year)
  const month = MONTHS[date.month - 1]
  return date.day === undefined || precision === 'month'
    ? `${month} ${date.year}`
    : `${month} ${date.day}, ${date.year}`
}

/** The machine-readable form for `<time datetime>`: YYYY, YYYY-MM or YYYY-MM-DD. */
export function isoDate(date: CareerDate): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  if (date.approximate || date.month === undefined)
    return String(date.year)
  return date.day === undefined
    ? `${date.year}-${pad(date.month)}`
    : `${date.year}-${pad(date.month)}-${pad(date.day)}`
}
