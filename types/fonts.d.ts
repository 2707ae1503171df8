// subset-font and fontverter ship no types; these are the parts the build and the tests use.
declare module 'subset-font' {
  import type { Buffer } from 'node:buffer'

  interface SubsetFontOptions {
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype'
    preserveNameIds?: number[]
    variationAxes?: Record<string, number | { min: number, max: number, default?: number }>
  }
  export default function subsetFont(font: Uint8Array, text: string, options?: SubsetFontOptions): Promise<Buffer>
}

// fontverter: the tests read a woff2 file's characters with it.
declare module 'fontverter' {
  import type { Buffer } from 'node:buffer'

  const fontverter: { convert: (font: Uint8Array, to: 'sfnt' | 'woff' | 'woff2' | 'truetype') => Promise<Buffer> }
  export default fontverter
}
