// The reading view (components/ReadingView.vue) draws the slides with Slidev's print renderer;
// a component on a slide asks this to know it is drawn there rather than on a slide or a page.
import type { InjectionKey } from 'vue'
import { inject, provide } from 'vue'

const readingViewKey: InjectionKey<true> = Symbol('reading view')

export const provideReadingView = () => provide(readingViewKey, true)

export const useInReadingView = () => inject(readingViewKey, false)

/** Where the reading view puts what a slide adds under itself for a narrow screen. */
export const readingExtrasId = (no: number) => `reading-extras-${no}`
