// Every claim a presenter can defend, checked on what the deck shows: the slides in Slidev's
// print view (every click shown) and the notes as the presenter's notes print renders them.
// A quotation is verbatim from the essay or from a sourced quotation in data/; every source in
// data/ is on a sources slide with the fact it supports; the fact-check table is data/claims.ts.
import type { Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { expect } from '@playwright/test'
import { milestones } from '../../data/career'
import { factChecks } from '../../data/claims'
import { quotations } from '../../data/quotes'
import { ALL_EVIDENCE, linkText } from '../../logic/source-list-entries'
import { loadDeck } from '../support/deck'
import { ESSAY_PATH } from '../support/essay'
import { test } from '../support/live-deck'

const slides = await loadDeck()
const normalise = (text: string) => text.replace(/[’‘]/g, '\'').replace(/\s+/g, ' ').trim()

/** Text in double quotes, straight or curly, at least two characters long. */
function quotedSpans(text: string): string[] {
  return [
    ...normalise(text).matchAll(/[“"]([^“”"]{2,})[”"]/g),
  ].map(match => match[1].replace(/[.,;:]$/, '').trim())
}

/** Where a quotation may come from: the essay, a sourced quotation, or a work's name in the data. */
const QUOTABLE = [
  readFileSync(ESSAY_PATH, 'utf8'),
  ...quotations.map(q => q.text),
  ...milestones.flatMap(m => quotedSpans(m.title)),
  ...ALL_EVIDENCE.flatMap(e => quotedSpans(e.report ?? '')),
].map(normalise)

test('every quotation on a slide is verbatim from the essay or a sourced quotation', async ({ printView }) => {
  // The text a viewer reads: the light DOM and the diagrams' shadow roots alike.
  const faces = await printView.locator('.slidev-page').evaluateAll(pages => pages.map((root) => {
    const words: string[] = []
    for (const node of [
      root,
      ...[
        ...root.querySelectorAll('.mermaid'),
      ].map(host => host.shadowRoot!),
    ]) {
      const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT)
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        if (!text.parentElement?.closest('style, script'))
          words.push(text.textContent ?? '')
      }
    }
    return words.join(' ')
  }))
  expect(faces).toHaveLength(slides.length)
  const wrong = faces.flatMap((face, i) => quotedSpans(face)
    .filter(span => !QUOTABLE.some(text => text.includes(span)))
    .map(span => `slide ${i + 1}: "${span}"`))
  expect(wrong, 'quoted, but not found word for word in the essay or data/quotes.ts').toEqual([])
})

test('every quotation in the notes is verbatim from the essay or a sourced quotation', async ({ page }) => {
  await page.goto('presenter/print')
  const notes = page.locator('.slidev-note')
  await expect(notes).toHaveCount(slides.length)
  const texts = await notes.allTextContents()
  const wrong = texts.flatMap((text, i) => quotedSpans(text)
    .filter(span => !QUOTABLE.some(source => source.includes(span)))
    .map(span => `notes of slide ${i + 1}: "${span}"`))
  expect(wrong, 'quoted, but not found word for word in the essay or data/quotes.ts').toEqual([])
})

/** Each item on the sources slides: its text and the addresses it links to. */
async function sourcesShown(page: Page) {
  const shown: { text: string, links: string[] }[] = []
  for (const slide of slides.filter(s => s.face.includes('<SourceList'))) {
    const items = page.locator(`[data-slidev-no="${slide.no}"] .source-list li`)
    await expect(items.first()).toBeVisible()
    shown.push(...await items.evaluateAll(lis => lis.map(li => ({
      text: li.textContent ?? '',
      links: [
        ...li.querySelectorAll('a'),
      ].map(a => a.href),
    }))))
  }
  return shown.map(item => ({
    ...item,
    text: normalise(item.text),
  }))
}

test('every source in data/ is on a sources slide, beside the fact it supports, once', async ({ printView }) => {
  const shown = await sourcesShown(printView)
  const problems: string[] = []
  for (const evidence of ALL_EVIDENCE) {
    const item = shown.find(s => s.text.includes(normalise(evidence.supports)))
    if (!item) {
      problems.push(`no source is labelled "${evidence.supports}"`)
      continue
    }
    for (const url of evidence.urls.filter(url => !item.links.includes(url)))
      problems.push(`"${evidence.supports}": ${url} is not linked beside it`)
    if (evidence.report && !item.text.includes(normalise(evidence.report)))
      problems.push(`"${evidence.supports}": the report "${evidence.report}" is not named beside it`)
  }
  for (const q of quotations.filter(q => !shown.some(s => s.links.includes(q.source))))
    problems.push(`the page of the quotation "${q.id}" (${q.source}) is on no sources slide`)
  const links = shown.flatMap(s => s.links)
  for (const url of new Set(links.filter((url, i) => links.indexOf(url) !== i)))
    problems.push(`${url} is listed more than once`)
  for (const item of shown.filter(s => s.links.some(url => !s.text.includes(linkText(url)))))
    problems.push(`"${item.text.slice(0, 40)}": a link's text is not its address`)
  expect(problems).toEqual([])
})

test('each fact check shows the essay\'s words and the record as data/claims.ts has them', async ({ printView }) => {
  const shown = new Set<string>()
  for (const slide of slides.filter(s => s.face.includes('<FactCheck'))) {
    const panel = printView.locator(`[data-slidev-no="${slide.no}"] .fact-check`)
    await expect(panel).toBeVisible()
    const id = (await panel.getAttribute('data-fact-check'))!
    const check = factChecks.find(c => c.id === id)
    expect(check, `slide ${slide.no} shows an unknown fact check "${id}"`).toBeDefined()
    shown.add(id)
    expect(normalise(await panel.locator('.claim-words').textContent() ?? ''), id).toBe(`“${normalise(check!.claim)}”`)
    expect(normalise(await panel.locator('.record-words').textContent() ?? ''), id).toBe(normalise(check!.record))
    const links = await panel.locator('.record a').evaluateAll(as => as.map(a => (a as HTMLAnchorElement).href))
    expect(links, `${id}: the record's links are its evidence's pages`).toEqual(check!.evidence.flatMap(e => e.urls))
  }
  expect([...shown].sort(), 'every fact check in data/claims.ts is on a slide').toEqual(factChecks.map(c => c.id).sort())
})
