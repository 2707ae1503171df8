// Slidev's editable PowerPoint, finished for a reader who opens it after the meeting: its text
// holds together without Inter, the agenda's links jump to their slides (Slidev points them at its
// export server), each headline is its slide's title placeholder, each picture says what it
// shows, and the notes are paragraphs without Slidev's click markers.
import type JSZip from 'jszip'
import type { Page } from 'playwright-chromium'

/** What the print view shows on a slide, on the slide's canvas in CSS px: its headline and figures. */
export interface SlideContents {
  headline: string
  /** Each drawing's box and its text alternative; none for a decorative one (aria-hidden). */
  figures: { x: number, y: number, w: number, h: number, alt?: string }[]
}

/** Reads every slide's headline and figures from Slidev's print view, open in `page`. */
export async function readSlideContents(page: Page): Promise<SlideContents[]> {
  return page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.print-slide-container')].map((container) => {
    const origin = container.getBoundingClientRect()
    const headline = container.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? ''
    // A drawing and the element that names it: a figure, an image by role, or an SVG (the motif is aria-hidden).
    const figures = [...container.querySelectorAll('figure[aria-label], [role="img"][aria-label], svg')].map((element) => {
      const box = element.getBoundingClientRect()
      const alt = element.closest('[aria-hidden="true"]') ? undefined : element.closest('[aria-label]')?.getAttribute('aria-label') ?? undefined
      return { x: box.x - origin.x, y: box.y - origin.y, w: box.width, h: box.height, alt }
    })
    return { headline, figures }
  }))
}

/** Slidev's PowerPoint unit: 1 px of the slide canvas at 96 dpi. */
const EMU_PER_PX = 9525
const DECORATIVE = '<a:extLst><a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}"><adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" val="1"/></a:ext></a:extLst>'
const SLIDE_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide'

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, '\'').replace(/&amp;/g, '&')
const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')

/** A link to another slide of the deck, as Slidev's export server wrote it: its slide number. */
function slideLinked(target: string): number | undefined {
  const url = /^https?:\/\/(?:localhost|127\.0\.0\.1)(?::\d+)?\//.test(target) ? new URL(target) : undefined
  const no = url && (url.hash.match(/^#\/?(\d+)$/) ?? url.pathname.match(/\/(\d+)$/))?.[1]
  return no ? Number(no) : undefined
}

/** The notes as the presenter reads them: a paragraph each, without click markers or Markdown. */
function notesParagraphs(notes: string): string[] {
  return notes
    .replace(/\[click(?::\d+)?\]\s*/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .split(/\n\s*\n/)
    .map(paragraph => paragraph.replace(/\s+/g, ' ').replace(/(^|\s)[*_`]+|[*_`]+(?=[\s.,:;!?)]|$)/g, '$1').trim())
    .filter(paragraph => paragraph && !/^[-*_]{3,}$/.test(paragraph))
}

/** A text box of Slidev's PowerPoint: its markup and its place on the slide, in EMU. */
interface TextBox { xml: string, x: number, y: number, w: number, h: number, size: number, align: string }

function textBox(xml: string): TextBox | undefined {
  const place = xml.match(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/)
  if (!place || !xml.includes('<a:t>') || (xml.match(/<a:p>/g) ?? []).length !== 1)
    return undefined
  const [x, y, w, h] = place.slice(1).map(Number)
  return { xml, x, y, w, h, size: Number(xml.match(/ sz="(\d+)"/)?.[1] ?? 1800) / 100 * 12700, align: xml.match(/<a:pPr algn="(\w+)"/)?.[1] ?? 'l' }
}

/** How much wider than Inter a fallback font may set the same text, which a box's width allows for where it can. */
const FALLBACK_SLACK = 1.2
/** Slidev pads each one-line box by this much, half on each side, beyond its text. */
const BOX_PADDING = 12 * EMU_PER_PX

/**
 * Text boxes that hold together in any font: Slidev sizes each box to its text in Inter, which a
 * reader's machine may not have. Boxes on one line that read as one run (a source, its report
 * and its link) become one box; each box grows towards free space and wraps inside its width,
 * and asks to shrink its text where it would overflow (LibreOffice does at once, PowerPoint on its next layout).
 */
function fitTextBoxes(xml: string, slideWidth: number): string {
  const boxes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(match => textBox(match[0])).filter(box => box !== undefined)
  // Boxes on one line, left to right, that follow each other within about a space read as one run.
  const rows: TextBox[][] = []
  for (const box of boxes.toSorted((a, b) => a.y - b.y)) {
    const shared = (other: TextBox) => Math.min(other.y + other.h, box.y + box.h) - Math.max(other.y, box.y)
    const row = rows.find(([other]) => other.size === box.size && shared(other) >= Math.min(other.h, box.h) / 2)
    if (row)
      row.push(box)
    else
      rows.push([box])
  }
  const lines: TextBox[][] = []
  for (const row of rows) {
    for (const box of row.toSorted((a, b) => a.x - b.x)) {
      const last = lines.at(-1)?.at(-1)
      const gap = last && row.includes(last) ? box.x - (last.x + last.w) : Number.NaN
      if (gap > -box.size && gap < box.size / 4)
        lines.at(-1)!.push(box)
      else
        lines.push([box])
    }
  }
  let out = xml
  const placed: TextBox[] = []
  for (const line of lines) {
    const [first] = line
    // Slidev trims each box's text, so the space between two of them comes back as a run of its own.
    const runs = line.map((box, i) => {
      const own = box.xml.match(/<\/a:pPr>([\s\S]*?)(?:<a:endParaRPr[^>]*\/>)?<\/a:p>/)?.[1] ?? ''
      const previous = line[i - 1]
      const spaced = previous && box.x - (previous.x + previous.w) + BOX_PADDING > box.size * 0.15
      return spaced ? `<a:r>${own.match(/<a:rPr[^>]*?(?:\/>|>[\s\S]*?<\/a:rPr>)/)?.[0].replace(/<a:hlinkClick[\s\S]*?<\/a:hlinkClick>|<a:hlinkClick[^>]*\/>/, '') ?? ''}<a:t> </a:t></a:r>${own}` : own
    }).join('')
    const merged = line.length === 1 ? first.xml : first.xml.replace(/(<\/a:pPr>)[\s\S]*?((?:<a:endParaRPr[^>]*\/>)?<\/a:p>)/, (_, start: string, end: string) => `${start}${runs}${end}`).replace(/<a:pPr algn="\w+"/, '<a:pPr algn="l"')
    const top = Math.min(...line.map(box => box.y))
    const bottom = Math.max(...line.map(box => box.y + box.h))
    const box = { ...first, xml: merged, y: top, h: bottom - top, w: line.at(-1)!.x + line.at(-1)!.w - first.x, align: line.length === 1 ? first.align : 'l' }
    for (const other of line.slice(1))
      out = out.replace(other.xml, '')
    placed.push(box)
    out = out.replace(first.xml, () => box.xml)
  }
  // A one-line box grows towards free space: up to the slack, short of its neighbours and the slide's edge.
  for (const box of placed) {
    const sharesRow = (other: TextBox) => other !== box && other.y < box.y + box.h && box.y < other.y + other.h
    const right = Math.min(slideWidth, ...placed.filter(other => sharesRow(other) && other.x >= box.x + box.w).map(other => other.x))
    const left = Math.max(0, ...placed.filter(other => sharesRow(other) && other.x + other.w <= box.x).map(other => other.x + other.w))
    const grow = box.w * (FALLBACK_SLACK - 1)
    let [x, w] = [box.x, box.w]
    // A box that wraps already keeps its width: growing it would move centred text.
    const oneLine = box.xml.includes('wrap="none"')
    if (oneLine && box.align === 'r') {
      const side = Math.min(grow, box.x - left)
      ;[x, w] = [box.x - side, box.w + side]
    }
    else if (oneLine) {
      w = box.w + Math.min(grow, right - (box.x + box.w))
    }
    const fitted = box.xml
      .replace(/<a:off x="\d+" y="\d+"\/><a:ext cx="\d+" cy="\d+"/, `<a:off x="${Math.round(x)}" y="${box.y}"/><a:ext cx="${Math.round(w)}" cy="${box.h}"`)
      // Growing only to the right would move centred text; set from the left, it stays put.
      .replace(/(<a:bodyPr[^>]*?) wrap="none"([\s\S]*?<a:pPr algn=")ctr"/, '$1 wrap="none"$2l"')
      .replace(/(<a:bodyPr[^>]*?) wrap="none"/, '$1 wrap="square"')
      .replace(/(<a:bodyPr[^>]*>)<\/a:bodyPr>/, '$1<a:normAutofit/></a:bodyPr>')
    out = out.replace(box.xml, () => fitted)
  }
  return out
}

/** Finishes the PowerPoint in `zip` for `slides` (by slide number - 1); returns what it could not. */
export async function finishPptx(zip: JSZip, slides: SlideContents[]): Promise<string[]> {
  const problems: string[] = []
  const slideWidth = Number((await zip.file('ppt/presentation.xml')!.async('string')).match(/<p:sldSz cx="(\d+)"/)![1])
  for (const [i, contents] of slides.entries()) {
    const no = i + 1
    const slidePath = `ppt/slides/slide${no}.xml`
    const relsPath = `ppt/slides/_rels/slide${no}.xml.rels`
    let xml = await zip.file(slidePath)!.async('string')
    let rels = await zip.file(relsPath)!.async('string')

    // Links to slides: a jump inside the file.
    const jumps: string[] = []
    rels = rels.replace(/<Relationship Id="(\w+)" Type="[^"]+\/hyperlink" Target="([^"]+)" TargetMode="External"\/>/g, (relationship, id: string, target: string) => {
      const linked = slideLinked(unescapeXml(target))
      if (!linked || linked > slides.length)
        return relationship
      jumps.push(id)
      return `<Relationship Id="${id}" Type="${SLIDE_RELATIONSHIP}" Target="slide${linked}.xml"/>`
    })
    for (const id of jumps) {
      xml = xml.replace(new RegExp(`<a:hlinkClick r:id="${id}"([^>]*?)(/?>)`, 'g'), (_, attributes: string, end: string) =>
        `<a:hlinkClick r:id="${id}"${attributes.replace(/ action="[^"]*"/, '')} action="ppaction://hlinksldjump"${end}`)
    }

    // The headline: the first text box that holds exactly it.
    const shapes = [...xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)].map(match => match[0])
    const title = contents.headline && shapes.find(shape => key(unescapeXml([...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(m => m[1]).join(''))) === key(contents.headline))
    if (title)
      xml = xml.replace(title, title.replace(/<p:cNvSpPr txBox="1"\/>/, '<p:cNvSpPr/>').replace(/<p:nvPr><\/p:nvPr>|<p:nvPr\/>/, '<p:nvPr><p:ph type="title"/></p:nvPr>'))
    else if (contents.headline)
      problems.push(`slide ${no}: no text box holds its headline "${contents.headline}"`)

    // Pictures: the text alternative of the figure that holds most of each, or marked decorative.
    xml = xml.replace(/<p:pic>[\s\S]*?<\/p:pic>/g, (picture) => {
      const place = picture.match(/<a:off x="(-?\d+)" y="(-?\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"/)
      if (!place) {
        problems.push(`slide ${no}: a picture without a place`)
        return picture
      }
      const [x, y, w, h] = place.slice(1).map(n => Number(n) / EMU_PER_PX)
      const inside = (f: SlideContents['figures'][number]) =>
        Math.max(0, Math.min(x + w, f.x + f.w) - Math.max(x, f.x)) * Math.max(0, Math.min(y + h, f.y + f.h) - Math.max(y, f.y)) / (w * h)
      const figure = contents.figures.toSorted((a, b) => inside(b) - inside(a))[0]
      if (!figure || inside(figure) < 0.5) {
        problems.push(`slide ${no}: a picture at ${Math.round(x)}, ${Math.round(y)} px is none of the slide's figures`)
        return picture
      }
      const named = picture.replace(/(<p:cNvPr [^>]*?)descr="[^"]*"/, (_, start: string) => `${start}descr="${figure.alt ? escapeXml(figure.alt) : 'decorative'}"`)
      // PowerPoint's decorative mark comes last in cNvPr, after any link.
      return figure.alt ? named : named.replace(/(<p:cNvPr [^>]*?)\s*\/>/, '$1>').replace(/(<p:cNvPr [^>]*>[\s\S]*?)<\/p:cNvPr>/, `$1${DECORATIVE}</p:cNvPr>`)
    })
    zip.file(slidePath, fitTextBoxes(xml, slideWidth))
    zip.file(relsPath, rels)

    // Notes: Slidev writes the Markdown as one run; a reader gets its paragraphs.
    const notesPath = `ppt/notesSlides/notesSlide${no}.xml`
    const notes = await zip.file(notesPath)?.async('string')
    if (notes) {
      zip.file(notesPath, notes.replace(/(<p:ph type="body"[^>]*\/>[\s\S]*?<p:txBody><a:bodyPr\/><a:lstStyle\/>)<a:p><a:r><a:rPr([^>]*)\/><a:t>([^<]*)<\/a:t><\/a:r>(<a:endParaRPr[^>]*\/>)?<\/a:p>/, (_, head: string, runProperties: string, text: string) =>
        head + (notesParagraphs(unescapeXml(text)).map(paragraph => `<a:p><a:r><a:rPr${runProperties}/><a:t>${escapeXml(paragraph)}</a:t></a:r></a:p>`).join('') || '<a:p><a:endParaRPr lang="en-US"/></a:p>')))
    }
  }
  return problems
}
