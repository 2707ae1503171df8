// Types for the part of Slidev's public client API the deck uses (see
// types/slidev-constants.d.ts for why these are declared here), and for the print renderer
// the reading view draws its slides with.
import type { SlidevConfig } from '@slidev/types'
import type { ComputedRef, DefineComponent, Ref } from 'vue'

interface SlideRouteInfo {
  no: number
  meta: { slide: { title?: string, noteHTML?: string, frontmatter: Record<string, unknown> } }
}

export declare function useSlideContext(): {
  $page: Ref<number>
  $nav: Ref<{ slides: SlideRouteInfo[] }>
  $frontmatter: Record<string, unknown>
}

export declare function useNav(): {
  slides: Ref<SlideRouteInfo[]>
  total: ComputedRef<number>
  currentSlideNo: ComputedRef<number>
  currentSlideRoute: ComputedRef<SlideRouteInfo>
  isPrintMode: ComputedRef<boolean>
  isPlaying: ComputedRef<boolean>
  isPresenter: ComputedRef<boolean>
}

export declare const configs: SlidevConfig
export declare const slideWidth: ComputedRef<number>

declare const PrintSlide: DefineComponent<{ route: SlideRouteInfo }>
export default PrintSlide
