// Stands in for @slidev/rough-notation (with roughjs, loaded before slide 1), which
// Slidev's client loads for the v-mark directive. hosting/unused-features/unused-features.ts maps the package here
// only while no slide or component uses v-mark, and fails the build on a use it missed.
export function annotate(): never {
  throw new Error('v-mark is used, but hosting/unused-features/unused-features.ts replaced @slidev/rough-notation with hosting/unused-features/rough-notation.ts: its check for v-mark missed this use')
}
