// What a reader's PDF software finds in an exported file: poppler's view (pdfinfo, pdffonts,
// pdftotext, the structure tree) and, through pdf-lib, the outline, the links and the figures'
// alternative texts, which poppler does not print.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'

function run(command: string, args: string[]) {
  return execFileSync(command, args, {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
    maxBuffer: 64 << 20,
  })
}

export const normalise = (text: string) => text.replace(/[’‘]/g, '\'').replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim()

/** pdfinfo's fields, by name. */
export function pdfInfo(file: string): Record<string, string> {
  return Object.fromEntries(run('pdfinfo', [file]).split('\n').map(line => line.match(/^([^:]+):\s*(.*)$/)).filter(m => m !== null).map(m => [
    m[1],
    m[2].trim(),
  ]))
}

/** pdffonts' rows: each font's name, type and whether it is embedded. */
export function pdfFonts(file: string) {
  return run('pdffonts', [file]).split('\n').slice(2).filter(Boolean).map((line) => {
    const type = line.match(/\s(Type 1C?|Type 3|TrueType|CID TrueType|CID Type 0C?|Type 1C \(OT\)|CID Type 0C \(OT\))\s/)?.[1] ?? 'unknown'
    const flags = line.trim().split(/\s+/).slice(-5, -2)
    return { name: line.split(/\s+/)[0], type, embedded: flags[0] === 'yes' }
  })
}

export function pageText(file: string, page: number): string {
  return normalise(run('pdftotext', [
    '-f',
    String(page),
    '-l',
    String(page),
    file,
    '-',
  ]))
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')

/** A page's size and its words with their boxes, in pt (pdftotext -bbox). */
export function wordBoxes(file: string, page: number) {
  const xml = run('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'])
  const [width, height] = xml.match(/<page width="([\d.]+)" height="([\d.]+)">/)!.slice(1).map(Number)
  const words = [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
    .map(([, x0, y0, x1, y1, text]) => ({ x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1), text: unescapeXml(text) }))
  return { width, height, words }
}

/** Words drawn past a page's edge, wholly or in part. */
export function wordsOffPage(file: string, page: number): string[] {
  const { width, height, words } = wordBoxes(file, page)
  return words.filter(word => word.x0 < 0 || word.y0 < 0 || word.x1 > width || word.y1 > height).map(word => word.text)
}

/** Words whose boxes overlap on a page: text drawn over text, visible or not. */
export function overlappingWords(file: string, page: number): string[] {
  const { words } = wordBoxes(file, page)
  const found: string[] = []
  words.forEach((a, i) => words.slice(i + 1).forEach((b) => {
    // Half the smaller box's height and a third of its width: more than letters touching.
    const width = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0)
    const height = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0)
    if (height > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 2 && width > Math.min(a.x1 - a.x0, b.x1 - b.x0) / 3)
      found.push(`"${a.text}" and "${b.text}"`)
  }))
  return found
}

/** The structure tree's tags with their text, in reading order (pdfinfo -struct-text). */
export function structure(file: string): { tag: string, depth: number, text: string }[] {
  const nodes: { tag: string, depth: number, text: string }[] = []
  for (const line of run('pdfinfo', ['-struct-text', file]).split('\n')) {
    const indent = line.length - line.trimStart().length
    const text = line.trim().match(/^"(.*)"$/)
    if (text)
      nodes.findLast(node => node.depth < indent)!.text += text[1]
    else if (line.trim())
      nodes.push({ tag: line.trim().split(' ')[0], depth: indent, text: '' })
  }
  return nodes
}

/** The headings (H, H1..H6) in reading order, with the text under each. */
export function headings(file: string): { level: number, text: string }[] {
  const nodes = structure(file)
  return nodes.flatMap((node, i) => {
    const level = node.tag.match(/^H(\d)?$/)
    if (!level)
      return []
    const inside = nodes.slice(i + 1).findIndex(next => next.depth <= node.depth)
    const text = nodes.slice(i, inside < 0 ? undefined : i + 1 + inside).map(n => n.text).join('')
    return [
      {
        level: Number(level[1] ?? 1),
        text: normalise(text),
      },
    ]
  })
}

export interface PdfDocumentView {
  pages: number
  /** The outline: each entry's title, depth (0 at the top) and page (1-based). */
  outline: { title: string, depth: number, page: number }[]
  /** Each link: its page and either the address it opens or the page it goes to. */
  links: { page: number, uri?: string, target?: number }[]
  /** Each Figure in the structure tree, with its alternative text. */
  figures: { alt?: string }[]
  /** The document's language, and whether a viewer shows its title (not its file name). */
  lang?: string
  displaysTitle: boolean
}

export async function readPdf(file: string): Promise<PdfDocumentView> {
  const pdf = await PDFDocument.load(readFileSync(file))
  const look = (value: unknown) => value instanceof PDFRef ? pdf.context.lookup(value) : value
  const text = (value: unknown) => {
    const found = look(value)
    return found instanceof PDFString || found instanceof PDFHexString ? found.decodeText() : undefined
  }
  const pageRefs = pdf.getPages().map(page => page.ref.toString())
  const named = look(pdf.catalog.get(PDFName.of('Dests')))
  const pageOf = (destination: unknown): number => {
    let target = look(destination)
    if (target instanceof PDFName && named instanceof PDFDict)
      target = look(named.get(target))
    if (target instanceof PDFDict)
      target = look(target.get(PDFName.of('D')))
    return target instanceof PDFArray ? pageRefs.indexOf(target.get(0).toString()) + 1 : 0
  }

  const outline: PdfDocumentView['outline'] = []
  const walk = (first: unknown, depth: number) => {
    for (let item = look(first); item instanceof PDFDict; item = look(item.get(PDFName.of('Next')))) {
      const action = look(item.get(PDFName.of('A')))
      outline.push({
        title: text(item.get(PDFName.of('Title'))) ?? '',
        depth,
        page: pageOf(item.get(PDFName.of('Dest')) ?? (action instanceof PDFDict
          ? action.get(PDFName.of('D'))
          : undefined)),
      })
      walk(item.get(PDFName.of('First')), depth + 1)
    }
  }
  const outlines = look(pdf.catalog.get(PDFName.of('Outlines')))
  if (outlines instanceof PDFDict)
    walk(outlines.get(PDFName.of('First')), 0)

  const links: PdfDocumentView['links'] = []
  pdf.getPages().forEach((page, index) => {
    const annotations = look(page.node.get(PDFName.of('Annots')))
    for (const entry of annotations instanceof PDFArray
      ? annotations.asArray()
      : []) {
      const annotation = look(entry) as PDFDict
      if (annotation.get(PDFName.of('Subtype'))?.toString() !== '/Link')
        continue
      const action = look(annotation.get(PDFName.of('A')))
      const uri = action instanceof PDFDict ? text(action.get(PDFName.of('URI'))) : undefined
      links.push(uri
        ? { page: index + 1, uri }
        : {
            page: index + 1,
            target: pageOf(annotation.get(PDFName.of('Dest')) ?? (action instanceof PDFDict
              ? action.get(PDFName.of('D'))
              : undefined)),
          })
    }
  })

  const figures: PdfDocumentView['figures'] = []
  const visit = (node: unknown) => {
    const element = look(node)
    if (element instanceof PDFArray)
      return element.asArray().forEach(visit)
    if (!(element instanceof PDFDict))
      return
    if (element.get(PDFName.of('S'))?.toString() === '/Figure') {
      figures.push({
        alt: text(element.get(PDFName.of('Alt'))),
      })
    }
    visit(element.get(PDFName.of('K')))
  }
  visit(pdf.catalog.get(PDFName.of('StructTreeRoot')))

  const preferences = look(pdf.catalog.get(PDFName.of('ViewerPreferences')))
  return {
    pages: pdf.getPageCount(),
    outline,
    links,
    figures,
    lang: text(pdf.catalog.get(PDFName.of('Lang'))),
    displaysTitle: preferences instanceof PDFDict && preferences.get(PDFName.of('DisplayDocTitle'))?.toString() === 'true',
  }
}
