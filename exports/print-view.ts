import type { Plugin } from 'vite'

/**
 * Keeps Slidev's print view (BASE/print) in the build, which the slides PDF is printed from
 * (exports/print.ts). Slidev builds it only with `download: true`, which would also make its
 * build export an untagged PDF of its own, which ours replaces.
 */
export function printView(): Plugin {
  return {
    name: 'deck:print-view',
    enforce: 'post',
    config: () => ({
      define: { __SLIDEV_FEATURE_PRINT__: 'true' },
    }),
  }
}
