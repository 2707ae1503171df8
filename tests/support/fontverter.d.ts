// fontverter ships no types: the tests read a woff2 file's characters with it.
declare module 'fontverter' {
  import type { Buffer } from 'node:buffer'

  const fontverter: { convert: (font: Uint8Array, to: 'sfnt' | 'woff' | 'woff2' | 'truetype') => Promise<Buffer> }
  export default fontverter
}
