import type { Page } from '@playwright/test'
import type { Buffer } from 'node:buffer'

/**
 * Mean difference per channel (0-255) between two PNG images of the same size, computed in the
 * page's canvas; a string says how their sizes differ. Run it on a page without the deck's CSP
 * (about:blank), which allows no data: fetch.
 */
export function meanDifference(page: Page, a: Buffer, b: Buffer): Promise<number | string> {
  return page.evaluate(async ([a, b]) => {
    const pixels = async (base64: string) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob())
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height)
      const context = canvas.getContext('2d')!
      context.drawImage(bitmap, 0, 0)
      return context.getImageData(0, 0, bitmap.width, bitmap.height)
    }
    const [x, y] = [await pixels(a), await pixels(b)]
    if (x.width !== y.width || x.height !== y.height)
      return `${x.width}x${x.height} vs ${y.width}x${y.height}`
    let sum = 0
    for (let i = 0; i < x.data.length; i++)
      sum += Math.abs(x.data[i] - y.data[i])
    return sum / x.data.length
  }, [
    a.toString('base64'),
    b.toString('base64'),
  ] as const)
}
