// The exports run as their commands run them: `npm run export:all` writes both PDFs from the dev
// server and an editable PowerPoint a recipient can search and change, and a broken slide stops
// a PDF export with a message naming it, never a blank page. (pdf.spec.ts reads the build's PDFs.)
import type { DeckInfo } from '../../exports/print'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createServer, resolveOptions } from '@slidev/cli'
import JSZip from 'jszip'
import { ExportError, printPdf } from '../../exports/print'
import { freePort } from '../../scripts/serve-dist'
import { loadDeck } from '../support/deck'
import { ROOT } from '../support/essay'
import { normalise, overlappingWords, pageText, pdfInfo, wordsOffPage } from '../support/pdf'

const slides = await loadDeck()
const exportFilename = String(slides[0].frontmatter.exportFilename)

test.describe('npm run export:all', () => {
  // One export for all its tests, in one worker.
  test.describe.configure({ mode: 'default' })
  test.setTimeout(300_000)
  let out: string
  let zip: JSZip
  test.beforeAll(async () => {
    test.setTimeout(300_000)
    out = mkdtempSync(join(tmpdir(), 'deck-exports-'))
    execFileSync(process.execPath, ['exports/export.ts', 'all', '--out', out], { cwd: ROOT, stdio: 'pipe' })
    zip = await JSZip.loadAsync(readFileSync(join(out, `${exportFilename}.pptx`)))
  })

  // The slides a page each; the handout two to a page where they fit (pdf.spec.ts reads its pages).
  for (const [file, pages] of [[`${exportFilename}.pdf`, slides.length], [`${exportFilename}-handout.pdf`, Math.ceil(slides.length / 2)]] as const) {
    test(`writes ${file}: tagged, ${pages} pages or more`, () => {
      const info = pdfInfo(join(out, file))
      expect(info.Tagged).toBe('yes')
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(pages)
    })
  }

  const texts = async (path: string) => normalise([
    ...(await zip.file(path)!.async('string')).matchAll(/<a:t>([^<]*)<\/a:t>/g),
  ].map(m => m[1]).join(' ')
    .replace(/&apos;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'))
  const key = (text: string) => normalise(text.replace(/<[^>]+>/g, '').replace(/[*_`]/g, '')).replace(/[^A-Z0-9]/gi, '').toLowerCase()

  test('has one slide per deck slide, each with its headline as text', async () => {
    const files = Object.keys(zip.files).filter(name => /^ppt\/slides\/slide\d+\.xml$/.test(name))
    expect(files).toHaveLength(slides.length)
    for (const slide of slides) {
      const headline = slide.frontmatter.layout === 'quote'
        ? String(slide.frontmatter.title)
        : slide.face.match(/^# (.+)$/m)![1]
      expect(key(await texts(`ppt/slides/slide${slide.no}.xml`)), `slide ${slide.no}`).toContain(key(headline))
    }
  })

  test('has no text smaller than a slide shows (no PDF-only text layer)', async () => {
    for (const slide of slides) {
      const sizes = [
        ...(await zip.file(`ppt/slides/slide${slide.no}.xml`)!.async('string')).matchAll(/<a:rPr[^>]*\ssz="(\d+)"/g),
      ].map(m => Number(m[1]) / 100)
      // The smallest text on a slide is its 16 px footer: 12 pt.
      expect(Math.min(...sizes), `slide ${slide.no}: smallest text, in pt`).toBeGreaterThanOrEqual(11)
    }
  })

  const slideXml = (no: number) => zip.file(`ppt/slides/slide${no}.xml`)!.async('string')

  test('opens as a reader expects: the agenda jumps inside the file, headlines are titles, pictures say what they show', async () => {
    const agenda = slides.find(slide => slide.face.includes('<Toc'))!
    const rels = await zip.file(`ppt/slides/_rels/slide${agenda.no}.xml.rels`)!.async('string')
    const sections = slides.filter(slide => slide.frontmatter.layout === 'section')
    expect([...rels.matchAll(/relationships\/slide" Target="slide(\d+)\.xml"/g)].map(m => Number(m[1]))).toEqual(sections.map(section => section.no))
    expect(await slideXml(agenda.no)).toContain('action="ppaction://hlinksldjump"')
    let titled = 0
    for (const slide of slides) {
      const xml = await slideXml(slide.no)
      titled += xml.includes('<p:ph type="title"/>') ? 1 : 0
      const pictures = [...xml.matchAll(/<p:cNvPr [^>]*descr="([^"]*)"/g)].map(m => m[1])
      expect(pictures.filter(alt => !alt.trim() || alt.startsWith('Rendered as an image')), `slide ${slide.no}'s pictures`).toEqual([])
      if (['cover', 'section'].includes(String(slide.frontmatter.layout)))
        expect(xml, `slide ${slide.no}'s motif`).toContain('<adec:decorative')
    }
    expect(titled).toBeGreaterThanOrEqual(30)
    const diagram = slides.find(slide => slide.face.includes('```mermaid'))!
    const title = diagram.face.match(/accTitle:\s*(.+)/)![1].trim()
    expect(await slideXml(diagram.no), `slide ${diagram.no}'s diagram`).toContain(`descr="${title}`)
  })

  test('opened in LibreOffice on a machine without Inter, draws no text over text and none off its slide', () => {
    expect(execFileSync('fc-list', [':', 'family'], { encoding: 'utf8' }), 'Inter is installed here: this test needs a machine without it').not.toMatch(/^Inter\b/m)
    const rendered = mkdtempSync(join(tmpdir(), 'deck-pptx-render-'))
    // A profile of its own, so that another LibreOffice running on the machine cannot take the job.
    execFileSync('soffice', [`-env:UserInstallation=file://${rendered}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', rendered, join(out, `${exportFilename}.pptx`)], { stdio: 'pipe', timeout: 120_000 })
    const pdf = join(rendered, `${exportFilename}.pdf`)
    expect(Number(pdfInfo(pdf).Pages)).toBe(slides.length)
    for (const slide of slides) {
      expect(overlappingWords(pdf, slide.no), `slide ${slide.no}: text over text`).toEqual([])
      expect(wordsOffPage(pdf, slide.no), `slide ${slide.no}: text off the slide`).toEqual([])
    }
    // A source, its report and its link became one box, with the spaces between them kept.
    const sources = slides.find(slide => slide.frontmatter.layout === 'appendix')!
    expect(pageText(pdf, sources.no)).toMatch(/\S · \S/)
    rmSync(rendered, { recursive: true, force: true })
  })

  test('carries each slide\'s notes', async () => {
    for (const slide of slides) {
      const notes = key(await texts(`ppt/notesSlides/notesSlide${slide.no}.xml`))
      const start = normalise(slide.notes.replace(/\[click(?::\d+)?\]/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')).split(' ').slice(0, 8).join(' ')
      expect(notes, `slide ${slide.no}'s notes`).toContain(key(start))
      expect(await texts(`ppt/notesSlides/notesSlide${slide.no}.xml`), `slide ${slide.no}'s notes`).not.toMatch(/\[click/)
    }
  })
})

test.describe('a broken slide', () => {
  test.setTimeout(180_000)

  test('stops the PDF export with a message naming each slide at fault', async ({ page }) => {
    const fixture = join(ROOT, 'tests', 'fixtures', 'broken-deck', 'slides.md')
    const options = await resolveOptions({ entry: fixture }, 'export')
    const server = await createServer(options, {
      server: { host: '127.0.0.1', port: await freePort() },
      logLevel: 'silent',
      clearScreen: false,
    })
    await server.listen()
    const deck: DeckInfo = {
      title: 'Broken',
      author: 'Tests',
      subject: 'A deck with faults',
      keywords: [],
      exportFilename: 'broken',
      timeout: 180_000,
      width: 980,
      height: 551,
      levels: [1, 1, 1, 1],
    }
    const output = join(mkdtempSync(join(tmpdir(), 'deck-broken-')), 'broken.pdf')
    try {
      const error = await printPdf(page, server.resolvedUrls!.local[0], 'slides', deck, output).then(() => undefined, (e: unknown) => e)
      expect(error).toBeInstanceOf(ExportError)
      const message = (error as Error).message
      expect(message).not.toMatch(/^slide 1:/m)
      expect(message).toMatch(/^slide 2: its diagram did not draw/m)
      expect(message).toMatch(/^slide 3: font "Deck Missing Font" is not a font the deck ships/m)
      expect(message).toMatch(/^slide 4: it is blank/m)
    }
    finally {
      await server.close()
    }
  })
})
