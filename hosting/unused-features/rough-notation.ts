// Stands in for @slidev/rough-notation and roughjs, which Slidev's client loads before slide 1 for
// v-mark; unused-features.ts maps it here only while no slide or component uses v-mark.
export function annotate(): never {
  throw new Error('v-mark is used, but hosting/unused-features/unused-features.ts replaced @slidev/rough-notation with hosting/unused-features/rough-notation.ts: its check for v-mark missed this use')
}
