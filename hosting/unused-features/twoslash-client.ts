// Stands in for @shikijs/vitepress-twoslash/client, the hover popups of ```ts twoslash blocks, loaded
// before slide 1; unused-features.ts maps it here only while no slide has a twoslash block.
export default {
  install() {},
}
