// The exported PDF, as its reader gets it: one page per slide, an outline to navigate by,
// searchable text with every section's headline. Run after `npm run export`.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { milestones } from '../../data/career'
import { loadDeck } from '../support/deck'
import { readEssay, ROOT } from '../support/essay'

const exportFilename = readFileSync(join(ROOT, 'slides.md'), 'utf8').match(/^exportFilename:\s*(\S+)/m)![1]
const PDF = join(ROOT, `${exportFilename}.pdf`)
const slides = await loadDeck()
const normalise = (text: string) => text.replace(/[’‘]/g, '\'').replace(/\s+/g, ' ')

test.beforeAll(() => {
  expect(existsSync(PDF), `${PDF} is missing: run npm run export first`).toBe(true)
})

test('has one page per slide', () => {
  const info = execFileSync('pdfinfo', [PDF], { encoding: 'utf8' })
  expect(Number(info.match(/^Pages:\s+(\d+)/m)?.[1])).toBe(slides.length)
})

test('has an outline with every section', async () => {
  const pdf = await PDFDocument.load(readFileSync(PDF))
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  expect(outlines, 'the PDF has no outline (bookmarks)').toBeDefined()
  const titles: string[] = []
  const walk = (item: PDFDict | undefined) => {
    for (let node = item; node; node = node.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      const title = node.lookup(PDFName.of('Title'))
      if (title instanceof PDFString || title instanceof PDFHexString)
        titles.push(title.decodeText())
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict))
    }
  }
  walk(outlines!.lookupMaybe(PDFName.of('First'), PDFDict))
  const level1 = slides.filter(slide => slide.level === 1).map(slide => slide.title)
  expect(level1.length).toBeGreaterThan(5)
  for (const title of level1)
    expect(titles.map(normalise), `outline entry "${title}"`).toContain(normalise(title))
})

test('its text holds every section\'s headline and the diagram\'s labels', () => {
  const text = normalise(execFileSync('pdftotext', ['-layout', PDF, '-'], { encoding: 'utf8' }))
  for (const { heading } of readEssay().sections)
    expect(text, `headline "${heading}"`).toContain(normalise(heading))
  expect(text, 'the loop diagram is vector text, not a picture').toContain('Better Claude')
})

test('the timeline pages hold every milestone\'s title, in order', () => {
  const pages = slides.filter(slide => slide.face.includes('<CareerTimeline')).map(slide => slide.no)
  expect(pages.length).toBeGreaterThan(0)
  const text = normalise(pages.map(no => execFileSync('pdftotext', ['-f', String(no), '-l', String(no), PDF, '-'], { encoding: 'utf8' })).join(' '))
  for (const { title } of milestones)
    expect(text, `milestone "${title}"`).toContain(normalise(title))
})
