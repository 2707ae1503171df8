// The exports run as their commands run them: `npm run export:all` writes both PDFs from the dev
// server and an editable PowerPoint a recipient can search and change, and a broken slide stops
// a PDF export with a message naming it, never a blank page. (pdf.spec.ts reads the build's PDFs.)
import type { DeckInfo } from '../../exports/print'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { createServer, resolveOptions } from '@slidev/cli'
import JSZip from 'jszip'
import { ExportError, printPdf } from '../../exports/print'
import { freePort } from '../../scripts/serve-dist'
import { loadDeck } from '../support/deck'
import { ROOT } from '../support/essay'
import { normalise, pdfInfo } from '../support/pdf'

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

  for (const file of [`${exportFilename}.pdf`, `${exportFilename}-handout.pdf`]) {
    test(`writes ${file}: tagged, a page per slide or more`, () => {
      const info = pdfInfo(join(out, file))
      expect(info.Tagged).toBe('yes')
      expect(Number(info.Pages)).toBeGreaterThanOrEqual(slides.length)
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

  test('carries each slide\'s notes', async () => {
    for (const slide of slides) {
      const notes = key(await texts(`ppt/notesSlides/notesSlide${slide.no}.xml`))
      const start = normalise(slide.notes.replace(/\[click(?::\d+)?\]/g, '').replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')).split(' ').slice(0, 8).join(' ')
      expect(notes, `slide ${slide.no}'s notes`).toContain(key(start))
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
