// Types for just the parts of Slidev's client the deck imports (tsconfig.json's `paths` point each
// module here): vue-tsc would otherwise check Slidev's sources, which need its build-time globals.
import type { ClicksContext, SlidevConfig } from '@slidev/types'
import type { ComputedRef, DefineComponent, InjectionKey, Ref } from 'vue'

interface SlideRouteInfo {
  no: number
  meta: { slide: { title?: string, note?: string, noteHTML?: string, frontmatter: Record<string, unknown> } }
}

export declare function useSlideContext(): {
  $page: Ref<number>
  $nav: Ref<{ slides: SlideRouteInfo[], currentSlideNo: number, clicksTotal: number }>
  $renderContext: Ref<'none' | 'slide' | 'overview' | 'presenter' | 'previewNext'>
  $frontmatter: Record<string, unknown>
  $clicksContext: ClicksContext
}

export declare function useNav(): {
  slides: Ref<SlideRouteInfo[]>
  total: ComputedRef<number>
  currentSlideNo: ComputedRef<number>
  currentSlideRoute: ComputedRef<SlideRouteInfo>
  isPrintMode: ComputedRef<boolean>
  isPlaying: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
  clicks: ComputedRef<number>
}

export declare const sharedState: {
  page: number
  clicks: number
  clicksTotal: number
  lastUpdate?: { id: string, type: 'presenter' | 'viewer', time: number }
  timer: { status: 'stopped' | 'running' | 'paused', startedAt: number, pausedAt: number }
}
/** Applies a state Slidev's sync received, in this window (nothing is sent on). */
export declare function onSharedUpdate(state: object): void

export declare function addSyncMethod(sync: {
  init: (channelKey: string, onUpdate: (data: object) => void, state: object, persist?: boolean) => ((state: object, updating?: boolean) => void) | undefined
}): void

export declare const configs: SlidevConfig
export declare const slideWidth: ComputedRef<number>
export declare const slideHeight: ComputedRef<number>

declare const PrintSlide: DefineComponent<{ route: SlideRouteInfo }>
export default PrintSlide

export declare const injectionClicksContext: InjectionKey<Ref<ClicksContext>>
export declare const CLICKS_MAX: number
export declare function createClicksContextBase(current: Ref<number>, clicksStart?: number, clicksTotalOverrides?: number): ClicksContext
