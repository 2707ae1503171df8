// How the career timeline (CareerTimeline.vue) is laid out and revealed: pure functions of the
// data, so the component only draws, and tests can check the geometry and the click count.
import type { CareerDate, Era, Kind, Milestone } from '../data/career.ts'

export interface TimelineSelection {
  /** Only milestones of these kinds (all when absent). */
  kinds?: Kind[]
  /** Only milestones of these eras (all when absent). */
  eras?: Era[]
  /** Only milestones that overlap these years, inclusive. */
  from?: number
  to?: number
}

/** A date as a fractional year; a date known to the year or month sits mid-year or mid-month. */
export function decimalYear(date: CareerDate): number {
  if (date.approximate || date.month === undefined)
    return date.year + 0.5
  const day = date.day === undefined ? 15 : date.day - 1
  return date.year + (date.month - 1) / 12 + day / 365
}

export function selectMilestones(list: readonly Milestone[], selection: TimelineSelection = {}): Milestone[] {
  const { kinds, eras, from = -Infinity, to = Infinity } = selection
  return list.filter(m =>
    (!kinds || kinds.includes(m.kind))
    && (!eras || eras.includes(m.era))
    && (m.until ?? m.date).year >= from
    && m.date.year <= to,
  )
}

/** The story's steps, one per click: runs of consecutive milestones of one era (OpenAI twice: he came back). */
export function chapters(list: readonly Milestone[]): Milestone[][] {
  const result: Milestone[][] = []
  for (const milestone of list) {
    const last = result.at(-1)
    if (last && last[0].era === milestone.era)
      last.push(milestone)
    else
      result.push([milestone])
  }
  return result
}

export interface PlacedMilestone {
  milestone: Milestone
  /** Which chapter (0-based) reveals it. */
  chapter: number
  /** Position and length on the track, as fractions of its width. */
  x: number
  width: number
  /** Sub-row within the lane, so that labels never overlap. */
  row: number
  /** The label ends at the marker (instead of starting there) where it would run off the track. */
  labelLeft: boolean
  /** The stretch of track it takes, bar or marker and label, as fractions of its width. */
  extent: [number, number]
}

export interface Lane {
  era: Era
  rows: number
  items: PlacedMilestone[]
}

/** Canvas px per character of a 20 px label, generous so estimates err towards more room. */
const CHAR_PX = 11
/** Room for the marker under a label's start, and a little air after it. */
const MARKER_PX = 8
/** The least room between two items on a row. */
const GAP_PX = 6

/** A label's width in canvas px, where nothing can measure it (tests without a browser). */
export function estimateLabelPx(label: string): number {
  return label.length * CHAR_PX
}

/** Lays the milestones out on a track `trackPx` wide; `labelPx` gives a label's drawn width. */
export function layoutTimeline(list: readonly Milestone[], trackPx: number, labelPx: (label: string) => number = estimateLabelPx) {
  if (list.length === 0)
    return { lanes: [], ticks: [] }
  const start = Math.floor(Math.min(...list.map(m => decimalYear(m.date))))
  const end = Math.max(...list.map(m => decimalYear(m.until ?? m.date))) + 0.35
  const span = end - start
  const toX = (year: number) => (year - start) / span
  const gap = GAP_PX / trackPx

  const chapterOf = new Map<Milestone, number>()
  chapters(list).forEach((chapter, i) => chapter.forEach(m => chapterOf.set(m, i)))

  const lanes: Lane[] = []
  for (const milestone of list) {
    let lane = lanes.find(l => l.era === milestone.era)
    if (!lane) {
      lane = { era: milestone.era, rows: 0, items: [] }
      lanes.push(lane)
    }
    const x = toX(decimalYear(milestone.date))
    const width = milestone.until ? Math.max(toX(decimalYear(milestone.until)) - x, 0) : 0
    const labelWidth = ((milestone.label ? labelPx(milestone.label) : 0) + MARKER_PX) / trackPx
    const labelLeft = x + labelWidth > 1
    const extent: [number, number] = labelLeft
      ? [Math.min(x, x + width - labelWidth), x + width]
      : [x, x + Math.max(width, labelWidth)]
    const chapter = chapterOf.get(milestone)!
    // An unlabelled marker that ends a stint drawn in this lane sits on that stint's row; anything
    // else takes the first sub-row where it clears everything already there.
    const stint = milestone.label === undefined
      ? lane.items.find(other => other.milestone.until && sameDate(other.milestone.until, milestone.date))
      : undefined
    const item: PlacedMilestone = { milestone, chapter, x, width, row: stint?.row ?? 0, labelLeft, extent }
    const clashes = (other: PlacedMilestone) =>
      other.row === item.row && extent[0] < other.extent[1] + gap && other.extent[0] < extent[1] + gap
    if (!stint) {
      while (lane.items.some(clashes))
        item.row++
    }
    lane.items.push(item)
    lane.rows = Math.max(lane.rows, item.row + 1)
  }

  const step = Math.max(1, Math.ceil(span / 4))
  const ticks = []
  for (let year = Math.ceil(start); year <= end; year += step)
    ticks.push({ year, x: toX(year) })
  return { lanes, ticks }
}

/** The same date at the precision both give: Jul 2022 is Jul 13, 2022. */
function sameDate(a: CareerDate, b: CareerDate): boolean {
  return a.year === b.year && a.month === b.month && (a.day === undefined || b.day === undefined || a.day === b.day)
    && !a.approximate && !b.approximate
}
