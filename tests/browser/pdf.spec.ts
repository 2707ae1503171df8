// The two PDFs the build writes into dist/ (exports/print.ts), as their readers get them: the
// slides (one page per slide) and the handout (A4, each slide with its notes). Both tagged, in
// real fonts, with an outline and working links. Run after `npm run build`.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { milestones } from '../../data/career'
import { selectMilestones } from '../../logic/career-timeline-layout'
import { ALL_EVIDENCE } from '../../logic/source-list-entries'
import { DEFAULT_INPUTS, outcome } from '../../logic/velocity-model-maths'
import { diagramLabels, loadDeck, mermaidBlocks, timelineSelection } from '../support/deck'
import { readEssay, ROOT } from '../support/essay'
import { headings, normalise, overlappingWords, pageText, pdfFonts, pdfInfo, readPdf, structure, wordBoxes } from '../support/pdf'

const slides = await loadDeck()
const headmatter = slides[0].frontmatter as Record<string, string>
const SLIDES = join(ROOT, 'dist', `${headmatter.exportFilename}.pdf`)
const HANDOUT = join(ROOT, 'dist', `${headmatter.exportFilename}-handout.pdf`)

/** A slide's headline as its markdown writes it; a quotation's heading is its title. */
function headline(slide: typeof slides[number]): string {
  const text = slide.frontmatter.layout === 'quote'
    ? String(slide.frontmatter.title)
    : slide.face.match(/^# (.+)$/m)![1]
  return normalise(text.replace(/<[^>]+>/g, '').replace(/[*_`]/g, ''))
}
/** The first words of a slide's notes, as a reader sees them (no click markers, no markdown). */
function notesStart(slide: typeof slides[number], words = 8): string {
  const plain = slide.notes.replace(/\[click(?::\d+)?\]/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1').replace(/[*_`]/g, '')
  return normalise(plain).split(' ').slice(0, words).join(' ')
}

test.beforeAll(() => {
  for (const file of [SLIDES, HANDOUT])
    expect(existsSync(file), `${file} is missing: run npm run build first`).toBe(true)
})

for (const [kind, file] of [
  ['slides', SLIDES],
  ['handout', HANDOUT],
] as const) {
  test.describe(`the ${kind} PDF`, () => {
    test('is tagged, in English, titled in the viewer\'s title bar, with the talk\'s metadata', async () => {
      const info = pdfInfo(file)
      expect(info.Tagged).toBe('yes')
      expect(info.Title).toContain(headmatter.title)
      expect(info.Author).toBe(headmatter.author)
      expect(normalise(info.Subject)).toBe(normalise(headmatter.info))
      for (const keyword of headmatter.keywords.split(','))
        expect(info.Keywords).toContain(keyword.trim())
      const pdf = await readPdf(file)
      expect(pdf.lang).toBe('en')
      expect(pdf.displaysTitle).toBe(true)
    })

    test('embeds every font as a real font: none Type 3, none left to the reader\'s machine', () => {
      const fonts = pdfFonts(file)
      expect(fonts.length).toBeGreaterThan(0)
      expect(fonts.filter(font => font.type === 'Type 3'), 'Type 3 fonts (a variable font printed as glyph drawings)').toEqual([])
      expect(fonts.filter(font => !font.embedded), 'fonts not embedded').toEqual([])
      expect(fonts.map(font => font.name).join(' ')).toMatch(/Inter-Bold/)
    })

    test('has one heading per slide, in order, each read before the rest of its slide', () => {
      // Compared by letters and digits: the structure's text keeps no space where a line wraps,
      // shows CSS uppercase, and poppler's -struct-text stops at a curly apostrophe.
      const key = (text: string) => text.replace(/['’ʼ].*$/, '').replace(/[^A-Z0-9]/gi, '').toLowerCase()
      const found = headings(file).map(h => key(h.text))
      expect(found).toHaveLength(slides.length)
      slides.forEach((slide, i) => expect(key(headline(slide)), `slide ${slide.no}'s heading`).toBe(found[i]))
      // The labels set above a headline (an eyebrow, "Part N of 6") are read after it, before
      // the next slide's headline.
      const texts = structure(file).map(node => key(node.text)).filter(Boolean)
      const at: number[] = []
      let from = 0
      slides.forEach((slide, i) => {
        // A headline with inline markup is several texts: its first one starts it.
        const whole = key(headline(slide))
        at[i] = texts.findIndex((text, j) => j >= from && whole.startsWith(text) && text.length >= Math.min(10, whole.length))
        from = at[i] + 1
      })
      expect(at.every((index, i) => index >= 0 && (i === 0 || index > at[i - 1])), 'each headline after the one before').toBe(true)
      slides.forEach((slide, i) => {
        const labels = [...slide.face.matchAll(/<p class="eyebrow">([^<]+)<\/p>/g)].map(m => key(m[1]))
        if (slide.frontmatter.layout === 'section')
          labels.push(key(`Part ${slides.filter(s => s.frontmatter.layout === 'section' && s.no <= slide.no).length} of`))
        const after = texts.slice(at[i] + 1, at[i + 1])
        for (const label of labels)
          expect(after.some(text => text.startsWith(label)), `slide ${slide.no}: "${label}" is read after its headline`).toBe(true)
      })
    })

    test('has a figure with alternative text for each diagram, timeline and chart', async () => {
      const { figures } = await readPdf(file)
      const diagrams = slides.flatMap(slide => mermaidBlocks(slide.face))
      const timelines = slides.filter(slide => slide.face.includes('<CareerTimeline')).length
      const charts = slides.filter(slide => slide.face.includes('<VelocityModel')).length
      expect(figures.length).toBe(diagrams.length + timelines + charts)
      expect(figures.filter(figure => !figure.alt?.trim()), 'figures without alternative text').toEqual([])
      const alts = figures.map(figure => normalise(figure.alt!))
      for (const { code } of diagrams) {
        const title = normalise(code.match(/accTitle:\s*(.+)/)![1])
        const description = normalise(code.match(/accDescr:\s*(.+)/)![1])
        expect(alts, `diagram "${title}"`).toContain(`${title}: ${description}`)
      }
      expect(alts.filter(alt => alt.startsWith('Timeline, '))).toHaveLength(timelines)
      expect(alts.filter(alt => alt.startsWith('Chart: '))).toHaveLength(charts)
    })

    test('has an outline: each section, its slides under it, each entry on its slide\'s page', async () => {
      const pdf = await readPdf(file)
      expect(pdf.outline.map(entry => normalise(entry.title))).toEqual(slides.map(headline))
      expect(pdf.outline.map(entry => entry.depth)).toEqual(slides.map(slide => (slide.level ?? 1) - 1))
      for (const [i, entry] of pdf.outline.entries())
        expect(pageText(file, entry.page).toLowerCase(), `outline entry "${entry.title}"`).toContain(headline(slides[i]).toLowerCase())
    })

    test('links the agenda\'s entries to their sections\' pages, and every source to its address', async () => {
      const pdf = await readPdf(file)
      const agenda = slides.find(slide => slide.face.includes('<Toc'))!
      const agendaPage = pdf.outline[agenda.no - 1].page
      const targets = pdf.links.filter(link => link.page === agendaPage && link.target !== undefined).map(link => link.target!)
      const sections = slides.filter(slide => slide.frontmatter.layout === 'section')
      expect(targets).toEqual(sections.map(section => pdf.outline[section.no - 1].page))
      const addresses = new Set(pdf.links.flatMap(link => link.uri ?? []))
      expect([...addresses].filter(uri => !/^https:\/\/(?!127\.|localhost)/.test(uri)), 'links to anything but a public https address').toEqual([])
      for (const url of ALL_EVIDENCE.flatMap(evidence => evidence.urls))
        expect(addresses, `a link to ${url}`).toContain(url)
    })
  })
}

test.describe('the slides PDF', () => {
  const pageOf = (no: number) => pageText(SLIDES, no)

  test('has one page per slide, at the slide\'s proportions', () => {
    const info = pdfInfo(SLIDES)
    expect(Number(info.Pages)).toBe(slides.length)
    const [width, height] = info['Page size'].match(/([\d.]+) x ([\d.]+)/)!.slice(1).map(Number)
    expect(width / height).toBeCloseTo(16 / 9, 1)
  })

  test('its text holds every section\'s headline', () => {
    const text = normalise(execFileSync('pdftotext', ['-layout', SLIDES, '-'], { encoding: 'utf8' }))
    for (const { heading } of readEssay().sections)
      expect(text, `headline "${heading}"`).toContain(normalise(heading))
  })

  test('each diagram\'s labels are text on its page (vector, not a picture)', () => {
    const diagrams = slides.filter(slide => mermaidBlocks(slide.face).length > 0)
    expect(diagrams.length).toBeGreaterThan(0)
    for (const { no, face } of diagrams) {
      // Words, not whole labels: a label may wrap over lines in the PDF's text.
      const words = pageOf(no).split(' ')
      for (const { code } of mermaidBlocks(face)) {
        for (const label of diagramLabels(code)) {
          for (const word of label.split(' '))
            expect(words, `page ${no}: label "${label}"`).toContain(word)
        }
      }
    }
  })

  const timelinePages = slides.filter(slide => slide.face.includes('<CareerTimeline'))

  test('no page draws text over text', () => {
    for (const { no } of slides)
      expect(overlappingWords(SLIDES, no), `page ${no}`).toEqual([])
  })

  test('each timeline page shows its labels, and its figure\'s alternative text holds its milestones in order', async () => {
    expect(timelinePages.length).toBeGreaterThan(0)
    const alts = (await readPdf(SLIDES)).figures.map(figure => normalise(figure.alt ?? '')).filter(alt => alt.startsWith('Timeline, '))
    expect(alts).toHaveLength(timelinePages.length)
    for (const [i, { no, face }] of timelinePages.entries()) {
      const text = pageOf(no)
      const selected = selectMilestones(milestones, timelineSelection(face))
      for (const { label } of selected.filter(m => m.label))
        expect(text, `page ${no}: label "${label}"`).toContain(normalise(label!))
      // Each title and why after the one before it (two internships share a title).
      let from = 0
      for (const { title, why } of selected) {
        for (const words of [title, why]) {
          const at = alts[i].indexOf(normalise(words), from)
          expect(at, `page ${no}'s timeline: "${words}" missing, or out of order`).toBeGreaterThanOrEqual(0)
          from = at + 1
        }
      }
    }
  })

  test('the timelines\' alternative texts together hold every milestone', async () => {
    const text = (await readPdf(SLIDES)).figures.map(figure => normalise(figure.alt ?? '')).join(' ')
    for (const { title } of milestones)
      expect(text, `milestone "${title}"`).toContain(normalise(title))
  })

  test('the velocity model\'s page shows the default state\'s figures', () => {
    const slide = slides.find(s => s.face.includes('<VelocityModel'))!
    const text = pageOf(slide.no)
    const result = outcome(DEFAULT_INPUTS)
    expect(text).toContain(`${DEFAULT_INPUTS.speedup}×: ${Math.round(result.faster.decisions)} decisions`)
    expect(text).toContain(`1×: ${Math.round(result.today.decisions)} decisions`)
    expect(text).toContain(`Capability ${result.today.capability.toFixed(2)} vs ${result.faster.capability.toFixed(2)}`)
  })
})

test.describe('the handout PDF', () => {
  test('is A4 portrait, two slides to a page where they fit, every page numbered', () => {
    const info = pdfInfo(HANDOUT)
    expect(info['Page size']).toMatch(/ pts \(A4\)$/)
    const [width, height] = info['Page size'].match(/([\d.]+) x ([\d.]+)/)!.slice(1).map(Number)
    expect(width, 'portrait').toBeLessThan(height)
    const pages = Number(info.Pages)
    expect(pages).toBeLessThanOrEqual(24)
    for (let page = 1; page <= pages; page++)
      expect(pageText(HANDOUT, page), `page ${page}'s number`).toContain(`${page} / ${pages}`)
  })

  test('shows each slide with the start of its notes on the same page, in readable text', async () => {
    const { outline } = await readPdf(HANDOUT)
    for (const slide of slides) {
      const text = pageText(HANDOUT, outline[slide.no - 1].page)
      expect(text.toLowerCase(), `slide ${slide.no}'s headline`).toContain(headline(slide).toLowerCase())
      expect(slide.notes.trim(), `slide ${slide.no} has notes`).not.toBe('')
      expect(text, `slide ${slide.no}'s notes`).toContain(notesStart(slide))
      expect(text, `slide ${slide.no}: a click marker`).not.toMatch(/\[click/)
    }
  })

  test('leaves out the stage directions, which are for the presenter', () => {
    const text = normalise(execFileSync('pdftotext', [HANDOUT, '-'], { encoding: 'utf8' }))
    const directions = slides.flatMap(slide => [...slide.notes.matchAll(/class="stage-direction">([^<]+)</g)].map(m => normalise(m[1])))
    expect(directions.length).toBeGreaterThan(0)
    for (const direction of directions)
      expect(text, direction).not.toContain(direction.split(' ').slice(0, 5).join(' '))
  })

  test('draws every slide as vectors: no picture in it', () => {
    const images = execFileSync('pdfimages', ['-list', HANDOUT], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(images).toEqual([])
  })

  test('every slide\'s notes are set at 10 pt or more, on its page', async () => {
    const { outline } = await readPdf(HANDOUT)
    for (const slide of slides) {
      const { words } = wordBoxes(HANDOUT, outline[slide.no - 1].page)
      const texts = words.map(word => normalise(word.text))
      const start = notesStart(slide).split(' ')
      const at = texts.findIndex((_, i) => start.every((word, j) => texts[i + j] === word))
      expect(at, `slide ${slide.no}'s notes start on its page`).toBeGreaterThanOrEqual(0)
      // A word's box is its line's ascent and descent: about 1.2 times the type's size.
      const heights = words.slice(at, at + start.length).map(word => word.y1 - word.y0)
      expect(Math.min(...heights), `slide ${slide.no}: a notes word's height, in pt`).toBeGreaterThanOrEqual(12)
    }
  })
})
