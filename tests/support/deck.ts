// The deck as Slidev parses it (src: imports resolved), for tests that read its source.
import { load } from '@slidev/parser/fs'
import { join } from 'node:path'
import { ROOT } from './essay'

export async function loadDeck() {
  const data = await load({ roots: [ROOT], userRoot: ROOT }, join(ROOT, 'slides.md'))
  return data.slides.map((slide, index) => ({
    no: index + 1,
    title: slide.title ?? '',
    level: slide.level,
    /** The slide's face: its markdown without frontmatter or notes. */
    face: slide.content,
    notes: slide.note ?? '',
    frontmatter: slide.frontmatter,
  }))
}

export type DeckSlide = Awaited<ReturnType<typeof loadDeck>>[number]
