import type { DeckSlide } from '../support/deck'
// Every diagram in the deck, read from the slides: it parses with Mermaid's own parser (so a
// syntax error fails here, naming the slide), it carries a text alternative, it uses the deck's
// theme, and a step-by-step reveal names only nodes the diagram has.
// @vitest-environment happy-dom
import mermaid from 'mermaid'
import { beforeAll, describe, expect, it } from 'vitest'
import { flowchartNodes, loadDeck, mermaidBlocks } from '../support/deck'

let slides: DeckSlide[]
beforeAll(async () => {
  slides = await loadDeck()
})
const diagrams = () => slides.flatMap(slide => mermaidBlocks(slide.face).map(block => ({ slide, ...block })))

describe('the diagrams', () => {
  it('are there: the loop and four more', () => {
    expect(diagrams().length).toBeGreaterThanOrEqual(5)
  })

  it('all parse', async () => {
    for (const { slide, code } of diagrams()) {
      await expect(mermaid.parse(code), `slide ${slide.no} (${slide.title})`).resolves.toBeTruthy()
    }
  })

  it('each have a text alternative for screen readers', () => {
    for (const { slide, code } of diagrams()) {
      expect(code, `slide ${slide.no} (${slide.title}): accTitle`).toMatch(/^\s*accTitle: \S.{5,}$/m)
      expect(code, `slide ${slide.no} (${slide.title}): accDescr`).toMatch(/^\s*accDescr: \S.{40,}$/m)
    }
  })

  it('each use the deck\'s theme, in light and dark alike', () => {
    for (const { slide, options } of diagrams())
      expect(options, `slide ${slide.no} (${slide.title})`).toMatch(/theme: 'base'/)
  })

  it('reveal step by step only nodes they have', () => {
    const stepped = slides.filter(slide => slide.face.includes('<MermaidFigure :steps'))
    expect(stepped.length).toBeGreaterThan(0)
    for (const slide of stepped) {
      const steps = JSON.parse(slide.face.match(/<MermaidFigure :steps="([^"]+)"/)![1].replaceAll('\'', '"')) as string[][]
      const nodes = flowchartNodes(mermaidBlocks(slide.face)[0].code)
      expect(steps.flat().filter(id => !nodes.has(id)), `slide ${slide.no}: unknown node ids`).toEqual([])
      expect(new Set(steps.flat()).size, `slide ${slide.no}: a node in two steps`).toBe(steps.flat().length)
    }
  })

  it('fail to parse when broken, naming the problem', async () => {
    await expect(mermaid.parse('flowchart LR\n  A[open --> B')).rejects.toThrow(/Parse error/)
  })
})
