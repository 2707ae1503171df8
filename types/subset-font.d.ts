// subset-font ships no types; these are the parts the build uses.
declare module 'subset-font' {
  import type { Buffer } from 'node:buffer'

  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'
    /** An axis set to a value makes a static cut; a range narrows it. */
    variationAxes?: Record<string, number | { min: number, max: number }>
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>
}
