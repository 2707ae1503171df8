// The Slidev features the build leaves out (hosting/unused-features/unused-features.ts): stubbed only while the
// deck does not use them, and a use the source check misses stops the build with the feature and
// the file, where it would otherwise break the talk on that slide.
import type { DeckFile } from '../../hosting/deck-files'
import { join } from 'node:path'
import { compileTemplate } from '@vue/compiler-sfc'
import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { FEATURES, UnusedFeatureError, unusedFeatures } from '../../hosting/unused-features/unused-features'
import { ROOT } from '../support/essay'

function plugin(files: DeckFile[]) {
  const built = unusedFeatures({ root: ROOT, files })
  const config = (built.config as () => { resolve: { alias: { find: RegExp, replacement: string }[] } })()
  const transform = (code: string, file: string) => (built.transform as (code: string, id: string) => void).call({}, code, join(ROOT, file))
  return { aliases: config.resolve.alias, transform }
}
const stubbedIds = (aliases: { find: RegExp }[]) => aliases.map(alias => alias.find.source)
const compiled = (template: string) => compileTemplate({ source: template, filename: 'Example.vue', id: 'example' }).code

describe('the features a deck does not use', () => {
  it('are stubbed: every one, for a deck that uses none', () => {
    const { aliases } = plugin([
      { path: 'slides.md', text: '# Slide\n\nIt raised $30 billion, then $13 billion.' },
    ])
    expect(stubbedIds(aliases)).toEqual(FEATURES.flatMap(feature => feature.stubs.map(stub => stub.find.source)))
    for (const alias of aliases)
      expect(alias.replacement.startsWith(join(ROOT, 'hosting', 'unused-features'))).toBe(true)
  })

  it('are not stubbed once a slide or component uses them', () => {
    const { aliases } = plugin([
      { path: 'pages/a.md', text: '```ts twoslash\nconst a = 1\n```' },
      { path: 'pages/b.md', text: 'Euler: $e^{i\\pi} + 1 = 0$' },
      { path: 'components/Marked.vue', text: '<template><span v-mark.red>x</span></template>' },
    ])
    expect(aliases).toEqual([])
  })
})

describe('a use the source check missed', () => {
  it('stops the build, naming the file and the feature (v-mark, as Vue compiles it)', () => {
    const { transform } = plugin([])
    expect(() => transform(compiled('<span v-mark="{ color: \'red\' }">x</span>'), 'components/Marked.vue'))
      .toThrowError(UnusedFeatureError)
    expect(() => transform(compiled('<span v-mark>x</span>'), 'components/Marked.vue'))
      .toThrowError(/^components\/Marked\.vue: uses the v-mark directive, which the build left out/)
  })

  it('stops the build for math KaTeX drew', () => {
    const { transform } = plugin([])
    const slide = `export default ${JSON.stringify(katex.renderToString('e^{i\\pi}'))}`
    expect(() => transform(slide, 'pages/b.md')).toThrowError(/^pages\/b\.md: uses KaTeX math/)
  })

  it('lets the deck\'s own modules through, and Slidev\'s', () => {
    const { transform } = plugin([])
    expect(() => transform(compiled('<span v-click>x</span>'), 'components/Plain.vue')).not.toThrow()
    expect(() => transform(compiled('<span v-mark>x</span>'), 'node_modules/@slidev/client/builtin/Example.vue')).not.toThrow()
  })

  it('is not there when the feature is used (and so not stubbed)', () => {
    const { transform } = plugin([
      { path: 'components/Marked.vue', text: '<template><span v-mark>x</span></template>' },
    ])
    expect(() => transform(compiled('<span v-mark>x</span>'), 'components/Marked.vue')).not.toThrow()
  })
})
