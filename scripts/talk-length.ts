// How long the script runs, as the build prints it: the spoken notes of the talk slides (all but
// the sources, whose layout is `appendix`) at the speaking pace, against the slot `duration` sets.
import { join } from 'node:path'
import { load, parseTimeString, resolveConfig } from '@slidev/parser/fs'
import { formatLength, plannedSlide, spokenWords, WORDS_PER_MINUTE } from '../logic/talk-plan.ts'

export interface TalkLength {
  fits: boolean
  /** "talk: 18 min 40 s at 140 words a minute, for a 20 min slot (duration)", and the longest slides when it does not fit. */
  message: string
}

export async function talkLength(root: string): Promise<TalkLength> {
  const { headmatter, slides } = await load({ roots: [root], userRoot: root }, join(root, 'slides.md'))
  const slot = parseTimeString(resolveConfig(headmatter).duration).seconds
  const talk = slides.map(slide => ({
    no: slide.index + 1,
    seconds: spokenWords(plannedSlide(slide.note, slide.frontmatter).notes) / WORDS_PER_MINUTE * 60,
  }))
  const seconds = talk.reduce((sum, slide) => sum + slide.seconds, 0)
  const message = `talk: ${formatLength(seconds)} at ${WORDS_PER_MINUTE} words a minute, for a ${formatLength(slot)} slot (duration)`
  if (seconds <= slot)
    return { fits: true, message }
  const longest = talk.filter(slide => slide.seconds > 0).sort((a, b) => b.seconds - a.seconds).slice(0, 3)
  const names = longest.map(slide => `slide ${slide.no} (${formatLength(slide.seconds)})`).join(', ')
  return { fits: false, message: `${message}: ${formatLength(seconds - slot)} too long; the longest notes are on ${names}` }
}
