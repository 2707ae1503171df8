// Reads the essay the deck is made from: its title, its section headings and its paragraphs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
export const ESSAY_PATH = join(ROOT, 'essay', 'essay.txt')

export interface EssaySection {
  heading: string
  paragraphs: string[]
}

/** A heading stands on its own line and does not end a sentence. */
function isHeading(line: string): boolean {
  return line.length < 120 && !/[.!?"]$/.test(line)
}

export function readEssay(path = ESSAY_PATH): { title: string, sections: EssaySection[] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).map(line => line.trim()).filter(Boolean)
  if (lines.length === 0 || !isHeading(lines[0]))
    throw new Error(`${path}: the first line must be the essay's title`)
  const sections: EssaySection[] = []
  for (const line of lines) {
    if (isHeading(line))
      sections.push({ heading: line, paragraphs: [] })
    else
      sections.at(-1)!.paragraphs.push(line)
  }
  return { title: lines[0], sections }
}

/** The essay's figures: amounts, counts and the words it uses for orders of magnitude. */
export function essayFigures(text: string): string[] {
  // Model names (GPT-4) and filings (S-1) carry digits but are not figures.
  const pattern = /\$[\d.,]+ (?:billion|million)|(?<![-\w$.])\d[\d,]*\b(?! billion)|(?:hundreds|thousands|millions) of (?:millions|thousands|dollars)|low hundreds|twice as fast|two of the three|over a year|three years/g
  return [...new Set(text.match(pattern) ?? [])]
}

/** Sentences the essay quotes, in double quotes. */
export function essayQuotes(text: string): string[] {
  return [
    ...text.matchAll(/"([^"]{20,})"/g),
  ].map(match => match[1])
}
