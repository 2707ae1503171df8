// The deck as Slidev parses it (src: imports resolved), for tests that read its source.
import type { TimelineSelection } from '../../logic/career-timeline-layout'
import { join } from 'node:path'
import { load } from '@slidev/parser/fs'
import { ROOT } from './essay'

export async function loadDeck() {
  const data = await load({
    roots: [ROOT],
    userRoot: ROOT,
  }, join(ROOT, 'slides.md'))
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

/** The milestones a timeline slide selects, read from the props written on the slide. */
export function timelineSelection(face: string): TimelineSelection {
  const tag = face.match(/<CareerTimeline([^>]*)\/>/)?.[1]
  if (tag === undefined)
    throw new Error('no <CareerTimeline ... /> on this slide')
  const prop = (name: string) => tag.match(new RegExp(`:${name}="([^"]+)"`))?.[1]
  const list = (value?: string) => value === undefined ? undefined : JSON.parse(value.replaceAll('\'', '"'))
  const year = (value?: string) => value === undefined ? undefined : Number(value)
  return {
    kinds: list(prop('kinds')),
    eras: list(prop('eras')),
    from: year(prop('from')),
    to: year(prop('to')),
  }
}

export interface MermaidBlock {
  /** The block's options, as written after ```mermaid (e.g. "{theme: 'base'}"). */
  options: string
  code: string
}

/** The ```mermaid blocks on a slide's face. */
export function mermaidBlocks(face: string): MermaidBlock[] {
  return [...face.matchAll(/^```mermaid *(.*)\n([\s\S]*?)^```$/gm)].map(match => ({
    options: match[1].trim(),
    code: match[2],
  }))
}

/** Every text a diagram draws, from its code: node labels, subgraph titles, edge labels, Gantt sections and tasks. */
export function diagramLabels(code: string): string[] {
  const clean = (text: string) => text.replace(/<br\s*\/?>/g, ' ').replace(/^"|"$/g, '').trim()
  const labels = [...flowchartNodes(code).values()]
  for (const match of code.matchAll(/^\s*subgraph\s+\w+\s*\[([^\]]+)\]/gm))
    labels.push(clean(match[1]))
  for (const match of code.matchAll(/(?:--|-\.)\s+([^-.>|][^>|]*?)\s+(?:-->|\.->|\.-x|--x)|-->\|([^|]+)\|/g))
    labels.push(clean(match[1] ?? match[2]))
  if (/^\s*gantt\b/.test(code)) {
    for (const match of code.matchAll(/^\s*(?:section\s+(.+)|([^:\n%]+?)\s*:\s*(?:active,\s*)?\w+,)/gm)) {
      if (!/^\s*(?:accTitle|accDescr|dateFormat|axisFormat|tickInterval|todayMarker)/.test(match[0]))
        labels.push(clean(match[1] ?? match[2]))
    }
  }
  return labels.filter(Boolean)
}

/** Node ids and the label each shows, from a flowchart's code (id[label], id([label]), id["label"]). */
export function flowchartNodes(code: string): Map<string, string> {
  const nodes = new Map<string, string>()
  for (const match of code.matchAll(/\b([A-Z][A-Z0-9]*)(?:\(\[|\[)"?([^\]"]+)"?(?:\]\)|\])/gi)) {
    if (!new RegExp(`subgraph\\s+${match[1]}\\b`).test(code))
      nodes.set(match[1], match[2].replace(/<br\s*\/?>/g, ' ').trim())
  }
  return nodes
}
