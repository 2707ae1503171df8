// How long the script runs, as the build prints it: the spoken notes of the talk slides (all but
// the sources, whose layout is `appendix`) at the speaking pace, against the slot `duration` sets.
import { join, relative } from 'node:path'
import { load, resolveConfig } from '@slidev/parser/fs'
import { formatLength, plannedSlide, secondsOf, spokenWords, WORDS_PER_MINUTE } from '../logic/talk-plan.ts'

/** Seconds in `length`, or an error naming the field that holds it. */
function secondsIn(length: string | number, field: string): number {
  const value = secondsOf(length)
  if (value === undefined)
    throw new Error(`${field}: "${length}" is not a length of time (write it as 20min, 90s or 1:30)`)
  return value
}

/** "talk: 18 min 40 s at 140 words a minute, for a 20 min slot (duration)", and whether it fits. */
export async function talkLength(root: string) {
  const { headmatter, slides } = await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))
  const slot = secondsIn(resolveConfig(headmatter).duration, 'slides.md: duration')
  const talk = slides.map((slide) => {
    const { notes, time } = plannedSlide(slide.note, slide.frontmatter)
    const no = slide.index + 1
    return {
      no,
      seconds: time === undefined
        ? spokenWords(notes) / WORDS_PER_MINUTE * 60
        : secondsIn(time, `${relative(root, slide.source.filepath)}, slide ${no}: time`),
    }
  })
  const seconds = talk.reduce((sum, slide) => sum + slide.seconds, 0)
  const message = `talk: ${formatLength(seconds)} at ${WORDS_PER_MINUTE} words a minute, for a ${formatLength(slot)} slot (duration)`
  if (seconds <= slot)
    return { fits: true, message }
  const longest = talk.filter(slide => slide.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, 3)
  const names = longest.map(slide => `slide ${slide.no} (${formatLength(slide.seconds)})`).join(', ')
  return { fits: false, message: `${message}: ${formatLength(seconds - slot)} too long; the longest notes are on ${names}` }
}
