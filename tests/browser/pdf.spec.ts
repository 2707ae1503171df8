// The PDF the hosted deck offers (the build exports it into dist/), as its reader gets it: one
// page per slide, an outline to navigate by, searchable text with every section's headline.
// Run after `npm run build`.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { milestones } from '../../data/career'
import { selectMilestones } from '../../data/timeline'
import { DEFAULT_INPUTS, outcome } from '../../model/velocity'
import { diagramLabels, loadDeck, mermaidBlocks, timelineSelection } from '../support/deck'
import { readEssay, ROOT } from '../support/essay'

const exportFilename = readFileSync(join(ROOT, 'slides.md'), 'utf8').match(/^exportFilename:\s*(\S+)/m)![1]
const PDF = join(ROOT, 'dist', `${exportFilename}.pdf`)
const slides = await loadDeck()
const normalise = (text: string) => text.replace(/[’‘]/g, '\'').replace(/\s+/g, ' ')
const pageText = (no: number) => normalise(execFileSync('pdftotext', ['-f', String(no), '-l', String(no), PDF, '-'], { encoding: 'utf8' }))

test.beforeAll(() => {
  expect(existsSync(PDF), `${PDF} is missing: run npm run build first`).toBe(true)
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

test('its text holds every section\'s headline', () => {
  const text = normalise(execFileSync('pdftotext', ['-layout', PDF, '-'], { encoding: 'utf8' }))
  for (const { heading } of readEssay().sections)
    expect(text, `headline "${heading}"`).toContain(normalise(heading))
})

test('each diagram\'s labels are text on its page (vector, not a picture)', () => {
  const diagrams = slides.filter(slide => mermaidBlocks(slide.face).length > 0)
  expect(diagrams.length).toBeGreaterThan(0)
  for (const { no, face } of diagrams) {
    // Words, not whole labels: a label may wrap over lines in the PDF's text.
    const words = pageText(no).split(' ')
    for (const { code } of mermaidBlocks(face)) {
      for (const label of diagramLabels(code)) {
        for (const word of label.split(' '))
          expect(words, `page ${no}: label "${label}"`).toContain(word)
      }
    }
  }
})

const timelinePages = slides.filter(slide => slide.face.includes('<CareerTimeline'))

test('each timeline page shows its labels and holds its milestones\' full titles, in order', () => {
  expect(timelinePages.length).toBeGreaterThan(0)
  for (const { no, face } of timelinePages) {
    const text = pageText(no)
    const selected = selectMilestones(milestones, timelineSelection(face))
    for (const { label } of selected.filter(m => m.label))
      expect(text, `page ${no}: label "${label}"`).toContain(normalise(label!))
    // Each title after the one before it (two internships share a title).
    let from = 0
    for (const { title } of selected) {
      const at = text.indexOf(normalise(title), from)
      expect(at, `page ${no}: "${title}" missing, or out of order`).toBeGreaterThanOrEqual(0)
      from = at + 1
    }
  }
})

test('the timeline pages together hold every milestone', () => {
  const text = timelinePages.map(({ no }) => pageText(no)).join(' ')
  for (const { title } of milestones)
    expect(text, `milestone "${title}"`).toContain(normalise(title))
})

test('the velocity model\'s page shows the default state\'s figures', () => {
  const slide = slides.find(s => s.face.includes('<VelocityModel'))!
  const text = pageText(slide.no)
  const result = outcome(DEFAULT_INPUTS)
  expect(text).toContain(`${DEFAULT_INPUTS.speedup}×: ${Math.round(result.faster.decisions)} decisions`)
  expect(text).toContain(`1×: ${Math.round(result.today.decisions)} decisions`)
  expect(text).toContain(`Capability ${result.today.capability.toFixed(2)} vs ${result.faster.capability.toFixed(2)}`)
})
