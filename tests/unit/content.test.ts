import type { DeckSlide } from '../support/deck'
// The deck against its source: every section present, every slide with notes, the essay's
// quote and figures exact, and the argument of every paragraph carried by the notes.
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { milestones } from '../../data/career'
import { chapters, selectMilestones } from '../../logic/career-timeline-layout'
import { loadDeck, timelineSelection } from '../support/deck'
import { ESSAY_PATH, essayFigures, essayQuotes, readEssay } from '../support/essay'

const essayText = readFileSync(ESSAY_PATH, 'utf8')
const essay = readEssay()
let slides: DeckSlide[]

beforeAll(async () => {
  slides = await loadDeck()
})

const normalise = (text: string) => text.replace(/[’‘]/g, '\'').replace(/\s+/g, ' ').trim()
function headingsOf(slide: DeckSlide) {
  return [...slide.face.matchAll(/^#{1,2}\s+(.+)$/gm)].map(match => normalise(match[1]))
}

describe('the deck covers the essay', () => {
  it.each(essay.sections.map(section => section.heading))('has a slide headed "%s"', (heading) => {
    const match = slides.find(slide => headingsOf(slide).includes(normalise(heading)))
    expect(match, `no slide has "# ${heading}" as a heading`).toBeDefined()
  })

  it('gives every slide speaker notes', () => {
    const silent = slides.filter(slide => normalise(slide.notes).length < 40).map(slide => `slide ${slide.no} (${slide.title})`)
    expect(silent, 'slides without speaker notes').toEqual([])
  })

  it('opens each talk slide\'s notes with the one sentence to say', () => {
    const talk = slides.filter(slide => slide.frontmatter.layout !== 'appendix')
    const long = talk.filter((slide) => {
      const opening = normalise(slide.notes.split(/\n\s*\n/)[0])
      return opening.split(/(?<=[.!?]["”]?) /).length > 1 || opening.split(' ').length > 30
    })
    expect(long.map(slide => `slide ${slide.no}: ${slide.notes.split('\n')[0]}`)).toEqual([])
  })

  it('keeps backup answers apart: "If asked" paragraphs, and only they, after the notes\' rule', () => {
    const misplaced = slides.flatMap((slide) => {
      const [said, backup = ''] = slide.notes.split(/^\*\*\*$/m)
      // A backup answer may be a stage direction too (how to work the slide), marked as one.
      const paragraphs = (text: string) => text.split(/\n\s*\n/).map(p => normalise(p.replace(/^<p class="stage-direction">/, ''))).filter(Boolean)
      return [
        ...paragraphs(said).filter(p => p.startsWith('If asked')),
        ...paragraphs(backup).filter(p => !p.startsWith('If asked')),
      ].map(p => `slide ${slide.no}: ${p.slice(0, 60)}`)
    })
    expect(misplaced).toEqual([])
  })

  it('gives every slide a title, for the outline and the agenda', () => {
    expect(slides.filter(slide => !slide.title).map(slide => slide.no)).toEqual([])
  })

  it.each(essayQuotes(essayText))('quotes verbatim, marked as a quote: "%s"', (quote) => {
    const quoted = slides.some(slide => normalise(slide.face).includes(`> "${normalise(quote)}"`))
    expect(quoted, 'the quote must stand on a slide as a blockquote, word for word').toBe(true)
  })

  it.each(essayFigures(essayText))('states the essay\'s figure "%s" exactly', (figure) => {
    const where = figure.startsWith('$')
      ? slides.map(slide => slide.face)
      : slides.flatMap(slide => [slide.face, slide.notes])
    expect(where.some(text => normalise(text).includes(figure))).toBe(true)
  })

  it.each(essay.sections.flatMap(section => section.paragraphs.map((paragraph, i) => [`${section.heading} ¶${i + 1}`, paragraph])))(
    'carries the argument of %s in the notes',
    (_, paragraph) => {
      // The notes retell the essay in spoken form; nearly all of its substantive words must be there.
      const words = (text: string) => new Set(normalise(text).toLowerCase().match(/[a-z][a-z-]{5,}/g) ?? [])
      const notes = words(slides.map(slide => slide.notes).join(' '))
      const needed = [...words(paragraph)]
      const missing = needed.filter(word => !notes.has(word))
      expect(missing.length / needed.length, `missing from the notes: ${missing.join(', ')}`).toBeLessThan(0.1)
    },
  )
})

describe('the career timeline slides', () => {
  it('exist', () => {
    expect(slides.filter(slide => slide.face.includes('<CareerTimeline')).length).toBeGreaterThan(0)
  })

  it('have notes that follow the clicks: one [click] paragraph per chapter after the first', () => {
    for (const slide of slides.filter(s => s.face.includes('<CareerTimeline') && !s.face.includes(':reveal="false"'))) {
      const clicks = chapters(selectMilestones(milestones, timelineSelection(slide.face))).length - 1
      expect(slide.notes.match(/\[click\]/g)?.length ?? 0, `slide ${slide.no} (${slide.title})`).toBe(clicks)
    }
  })
})
