import type { Page } from '@playwright/test'

/**
 * Slide 1 opens as the build's copy, and Slidev's client starts at the visitor's first input
 * (hosting/first-screen/first-screen.ts). This is an input that changes nothing else: the pointer moves into
 * the window's top-left corner, away from the deck's controls.
 */
export async function startLiveDeck(page: Page) {
  // Two steps: a pointer already at its place (after a reload) sends no move.
  await page.mouse.move(2, 2)
  await page.mouse.move(1, 1)
}
