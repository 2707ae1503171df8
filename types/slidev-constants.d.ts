// Types for the one module of Slidev's client source that components import. vue-tsc would
// otherwise type-check Slidev's own .ts sources, which need Slidev's build-time globals.
import type { ClicksContext } from '@slidev/types'
import type { InjectionKey, Ref } from 'vue'

export declare const injectionClicksContext: InjectionKey<Ref<ClicksContext>>
