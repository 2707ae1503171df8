// @antfu/eslint-config, as Slidev and the talks repositories this deck follows use it: Vue,
// TypeScript and the code blocks in Markdown.
import antfu from '@antfu/eslint-config'

export default antfu(
  {
    vue: true,
    typescript: true,
    markdown: true,
    ignores: ['dist', 'reports', 'test-results', 'essay', 'docs/performance.md', '.scratch'],
  },
  {
    // A Slidev deck's Markdown has a # headline on every slide.
    files: ['slides.md', 'pages/**/*.md', 'tests/fixtures/**/*.md'],
    rules: { 'markdown/no-multiple-h1': 'off' },
  },
  {
    // Command-line tools: their output is the point.
    files: ['scripts/**', 'tests/support/**', 'exports/export.ts', 'relay/start-relay.ts'],
    rules: { 'no-console': 'off', 'antfu/no-top-level-await': 'off' },
  },
  {
    rules: {
      // A short ternary or list reads best on one line; this rule breaks each over several.
      'antfu/reasonable-newline': 'off',
      // These patterns read the project's own files (slides, diagrams, configs), never input
      // from outside, so their worst case cannot be forced on us.
      'regexp/no-super-linear-backtracking': 'off',
    },
  },
)
