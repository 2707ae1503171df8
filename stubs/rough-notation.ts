// Stands in for @slidev/rough-notation (with roughjs, loaded before slide 1), which
// Slidev's client loads for the v-mark directive. vite.config.ts maps the package here only while
// no slide or component uses v-mark, so this is never called; if it is, the check missed a use.
export function annotate(): never {
  throw new Error('v-mark is used, but vite.config.ts replaced @slidev/rough-notation with stubs/rough-notation.ts: its check for v-mark missed this use')
}
