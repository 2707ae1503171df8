import type { Plugin } from 'vite'
import type { Milestone } from './data/career.ts'
import { defineConfig } from 'vite'
import { hostedHtml } from './deploy/html.ts'
import { milestones } from './data/career.ts'
import { validateMilestones } from './data/validate.ts'

// The career data is checked when the deck is built or served, so a malformed entry stops the
// build with a message naming the entry and the field instead of drawing a wrong timeline.
export function validateDeckData(list: readonly Milestone[] = milestones): Plugin {
  return {
    name: 'deck:validate-data',
    buildStart() {
      validateMilestones(list)
    },
  }
}

export default defineConfig({
  plugins: [validateDeckData(), hostedHtml()],
  build: {
    // Vite inlines files under 4 KB as data: URLs. A font inlined into the CSS is downloaded by
    // every visitor, whatever its unicode-range, and needs `font-src data:` in the CSP; as a
    // file it is fetched only when a slide uses its characters.
    assetsInlineLimit: file => /\.(?:woff2?|ttf|otf)$/.test(file) ? false : undefined,
  },
})
