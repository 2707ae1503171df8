// The talk's plan: the words a presenter says on each slide, how long they take at a speaking
// pace, and each slide's share of the slot. The build reports it; the presenter view paces by it.
import { parseTimeString } from '@slidev/parser/utils'

export const WORDS_PER_MINUTE = 140
/** A click is a beat the presenter waits for the slide to change. */
export const SECONDS_PER_CLICK = 3

/** A slide as the plan needs it: its notes and a `time:` its frontmatter may set. */
export interface PlannedSlide {
  notes: string
  time?: string | number
}

/** A slide of the deck as planned: the sources (layout `appendix`) are there if asked, never said. */
export function plannedSlide(notes: string | undefined, frontmatter: Record<string, unknown>): PlannedSlide {
  return { notes: frontmatter.layout === 'appendix' ? '' : notes ?? '', time: frontmatter.time as PlannedSlide['time'] }
}

/** The notes as said: without backup paragraphs ("If asked…"), stage directions, click markers, comments or markup. */
export function spokenText(notes: string): string {
  return notes
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(\w+) class=["']stage-direction["']>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .split(/\n\s*\n/)
    .filter(paragraph => !/^\s*If asked\b/i.test(paragraph))
    .join('\n\n')
    .replace(/\[click(?::\d+)?\]/g, ' ')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
}

/** Notes as Slidev renders them, all a build keeps, in the plan's form: paragraphs, click markers. */
export function notesFromHtml(html: string): string {
  return html
    .replace(/<span class="slidev-note-click-mark"[^>]*><\/span>/g, '[click]')
    .replace(/<\/(?:p|li|blockquote|h\d)>/g, '\n\n')
}

export function spokenWords(notes: string): number {
  return spokenText(notes).split(/\s+/).filter(word => /[\p{L}\p{N}]/u.test(word)).length
}

/** Seconds in a length of time as Slidev writes one ("20min", "90s", "1:30"), or undefined. */
export function secondsOf(length: string | number): number | undefined {
  try {
    return parseTimeString(length).seconds
  }
  catch {
    return undefined
  }
}

/**
 * Seconds a slide takes as written: its `time:`, or its words at the speaking pace and its clicks.
 * A `time:` that is not a length counts as unset here; the build names it (scripts/talk-length.ts).
 */
export function naturalSeconds(slide: PlannedSlide): number {
  const time = slide.time === undefined ? undefined : secondsOf(slide.time)
  if (time !== undefined)
    return time
  const clicks = slide.notes.match(/\[click(?::\d+)?\]/g)?.length ?? 0
  return spokenWords(slide.notes) / WORDS_PER_MINUTE * 60 + clicks * SECONDS_PER_CLICK
}

/**
 * Each slide's planned seconds: its natural length, the slides without a `time:` scaled together
 * so that the talk fills `duration` (Slidev's headmatter field, "20min").
 */
export function planTalk(slides: PlannedSlide[], duration: string | number): number[] {
  const natural = slides.map(naturalSeconds)
  const isFixed = slides.map(slide => slide.time !== undefined && secondsOf(slide.time) !== undefined)
  const fixed = natural.reduce((sum, seconds, i) => isFixed[i] ? sum + seconds : sum, 0)
  const free = natural.reduce((sum, seconds) => sum + seconds, 0) - fixed
  const scale = free > 0 ? Math.max(0, (secondsOf(duration) ?? 0) - fixed) / free : 0
  return natural.map((seconds, i) => isFixed[i] ? seconds : seconds * scale)
}

/** "18 min 40 s", "20 min", "45 s". */
export function formatLength(seconds: number): string {
  const whole = Math.round(seconds)
  const [minutes, rest] = [Math.floor(whole / 60), whole % 60]
  return [minutes && `${minutes} min`, (rest || !minutes) && `${rest} s`].filter(Boolean).join(' ')
}

/** "1:20": minutes and seconds, as a clock shows them. */
export function formatClock(seconds: number): string {
  const whole = Math.round(Math.abs(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}

/** Within this many seconds of the plan, the talk is on pace. */
export const PACE_TOLERANCE = 15

/**
 * How far the talk is from the plan at slide `index` after `elapsed` seconds: behind (positive)
 * once the slide's planned end has passed, ahead (negative) before its planned start, else 0.
 */
export function paceAt(plan: number[], index: number, elapsed: number): number {
  const start = plan.slice(0, index).reduce((sum, seconds) => sum + seconds, 0)
  const end = start + (plan[index] ?? 0)
  if (elapsed > end + PACE_TOLERANCE)
    return elapsed - end
  if (elapsed < start - PACE_TOLERANCE)
    return elapsed - start
  return 0
}

/** "on pace", "1:20 behind", "0:40 ahead". */
export function formatPace(pace: number): string {
  return pace === 0 ? 'on pace' : `${formatClock(pace)} ${pace > 0 ? 'behind' : 'ahead'}`
}
