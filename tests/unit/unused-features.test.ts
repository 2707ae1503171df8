// The Slidev features the build leaves out (hosting/unused-features/unused-features.ts): stubbed only while the
// deck does not use them, and a use the source check misses stops the build with the feature and
// the file, where it would otherwise break the talk on that slide. Mermaid's chunks for diagrams
// no slide draws go once the build has drawn every slide (unused-diagram-chunks.ts).
import type { DeckFile } from '../../hosting/deck-files'
import { join } from 'node:path'
import { compileTemplate } from '@vue/compiler-sfc'
import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { unusedDiagramChunks } from '../../hosting/unused-features/unused-diagram-chunks'
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

describe('the chunks Mermaid loads for diagrams no slide draws', () => {
  const mermaid = 'node_modules/mermaid/dist/chunks/mermaid.esm'
  // Slidev's Mermaid component holds Mermaid's core, which loads each diagram type on demand.
  const manifest = {
    'index.html': { file: 'assets/index.js', isEntry: true, dynamicImports: ['_Mermaid.js'] },
    '_Mermaid.js': { file: 'assets/Mermaid.js', imports: ['_shared.js'], dynamicImports: [`${mermaid}/flowDiagram.mjs`, `${mermaid}/sequenceDiagram.mjs`, `${mermaid}/katex.mjs`] },
    [`${mermaid}/flowDiagram.mjs`]: { file: 'assets/flowDiagram.js', isDynamicEntry: true, imports: ['_shared.js', '_layout.js'] },
    [`${mermaid}/sequenceDiagram.mjs`]: { file: 'assets/sequenceDiagram.js', isDynamicEntry: true, imports: ['_shared.js', '_sequence-only.js'], css: ['assets/sequence.css'] },
    [`${mermaid}/katex.mjs`]: { file: 'assets/katex.js', isDynamicEntry: true },
    '_shared.js': { file: 'assets/shared.js' },
    '_layout.js': { file: 'assets/layout.js' },
    '_sequence-only.js': { file: 'assets/sequence-only.js' },
  }
  const drawn = new Set(['/deck/assets/index.js', '/deck/assets/Mermaid.js', '/deck/assets/flowDiagram.js', '/deck/assets/shared.js', '/deck/assets/layout.js'])

  it('are the types and the math no slide asked for, with what only they import', () => {
    expect(unusedDiagramChunks(manifest, '/deck/', drawn).sort()).toEqual(['assets/katex.js', 'assets/sequence-only.js', 'assets/sequence.css', 'assets/sequenceDiagram.js'])
  })

  it('never include a chunk something else imports, or a type a slide draws', () => {
    const both = new Set([...drawn, '/deck/assets/sequenceDiagram.js'])
    expect(unusedDiagramChunks(manifest, '/deck/', both)).toEqual(['assets/katex.js'])
  })
})
