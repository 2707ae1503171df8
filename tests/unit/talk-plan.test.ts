import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatClock, formatLength, formatPace, notesFromHtml, paceAt, plannedSlide, planTalk, spokenText, spokenWords } from '../../logic/talk-plan'
import { talkLength } from '../../scripts/talk-length'
import { loadDeck } from '../support/deck'
import { ROOT } from '../support/essay'

describe('the spoken words', () => {
  it('leave out backup paragraphs, stage directions, click markers, comments and markup', () => {
    const notes = [
      'Open with the [news](https://example.com). <!-- stage -->',
      '<span class="stage-direction">Pause here.</span> [click] Then <strong>the point</strong>.',
      '<p class="stage-direction">Tab to the slider, then Escape.</p>',
      'If asked: the backup answer stays unsaid.',
      'If asked about dates: so does this one.',
    ].join('\n\n')
    expect(spokenText(notes)).not.toMatch(/If asked|click|https|stage|strong|Pause|Tab/)
    expect(spokenWords(notes)).toBe(7)
  })

  it('are the same in the notes Slidev renders, which a build keeps', () => {
    const html = '<p>Open with the <a href="https://example.com">news</a>.</p>\n<p><span class="slidev-note-click-mark" data-clicks="1"></span>Then <strong>the point</strong>.</p>\n<p>If asked: the backup answer stays unsaid.</p>'
    expect(spokenWords(notesFromHtml(html))).toBe(7)
    expect(notesFromHtml(html)).toContain('[click]')
  })

  it('count words, not dashes or numbers of markup', () => {
    expect(spokenWords('A 20-minute talk — in 2,300 words.')).toBe(6)
  })
})

describe('the plan', () => {
  const words = (n: number) => Array.from({ length: n }).fill('word').join(' ')

  it('scales the slides to fill the slot, in proportion to their words and clicks', () => {
    const plan = planTalk([{ notes: words(140) }, { notes: words(70) }], '6min')
    expect(plan.map(Math.round)).toEqual([240, 120])
  })

  it('keeps a slide\'s own time: and shares the rest', () => {
    const plan = planTalk([{ notes: words(140), time: '1min' }, { notes: `${words(10)} [click] [click]` }], '5min')
    expect(plan.map(Math.round)).toEqual([60, 240])
  })
})

it('is on pace within the slide\'s planned window, give or take 15 s, and ahead or behind outside it', () => {
  const plan = [60, 120, 60]
  expect([170, 196, 50, 44].map(elapsed => formatPace(paceAt(plan, 1, elapsed)))).toEqual(['on pace', '0:16 behind', 'on pace', '0:16 ahead'])
})

it('formats a length and a clock', () => {
  expect([1120, 1200, 45, 0].map(formatLength)).toEqual(['18 min 40 s', '20 min', '45 s', '0 s'])
  expect(formatClock(-80)).toBe('1:20')
  expect(formatClock(40)).toBe('0:40')
})

describe('the talk\'s length', () => {
  it('fits the deck\'s slot, in 2,300 to 2,700 spoken words: room for clicks, pauses and a question', async () => {
    const { fits, message } = await talkLength(ROOT)
    expect(fits, message).toBe(true)
    const slides = await loadDeck()
    const words = slides.reduce((sum, slide) => sum + spokenWords(plannedSlide(slide.notes, slide.frontmatter).notes), 0)
    expect(words).toBeGreaterThanOrEqual(2300)
    expect(words).toBeLessThanOrEqual(2700)
  })

  it('names the longest slides when the script is longer than its slot, backup and sources left out', async () => {
    const { fits, message } = await talkLength(join(ROOT, 'tests', 'fixtures', 'long-talk'))
    expect(fits).toBe(false)
    expect(message).toBe('talk: 2 min 1 s at 140 words a minute, for a 1 min slot (duration): 1 min 1 s too long; the longest notes are on slide 2 (2 min), slide 1 (1 s)')
  })

  it('names the file, slide and field of a length it cannot read', async () => {
    const root = mkdtempSync(join(tmpdir(), 'talk-'))
    writeFileSync(join(root, 'slides.md'), '---\nduration: 1min\n---\n\n# One\n\n---\ntime: soon\n---\n\n# Two\n')
    await expect(talkLength(root)).rejects.toThrow('slides.md, slide 2: time: "soon" is not a length of time (write it as 20min, 90s or 1:30)')
    writeFileSync(join(root, 'slides.md'), '---\nduration: a while\n---\n\n# One\n')
    await expect(talkLength(root)).rejects.toThrow('slides.md: duration: "a while" is not a length of time')
  })
})
