import type { Plugin } from 'vite'
import type { Milestone } from './data/career.ts'
import { defineConfig } from 'vite'
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
  plugins: [validateDeckData()],
})
