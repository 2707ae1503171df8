// Stands in for @shikijs/vitepress-twoslash/client, which Slidev's client installs on every page
// for the hover popups of ```ts twoslash code blocks (floating-vue, loaded before
// slide 1). hosting/unused-features/unused-features.ts maps the package here only while no slide has a twoslash block.
export default {
  install() {},
}
