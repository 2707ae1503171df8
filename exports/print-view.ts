import type { Plugin } from 'vite'

// Keeps Slidev's print view (BASE/print), which the slides PDF is printed from, in the build.
// Slidev builds it only with `download: true`, which would also export an untagged PDF of its own.
export function printView(): Plugin {
  return {
    name: 'deck:print-view',
    enforce: 'post',
    config: () => ({ define: { __SLIDEV_FEATURE_PRINT__: 'true' } }),
  }
}
