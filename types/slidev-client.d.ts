// Types for the part of Slidev's public client API the layouts use (see
// types/slidev-constants.d.ts for why these are declared here).
import type { Ref } from 'vue'

interface SlideRouteInfo {
  no: number
  meta: { slide: { title?: string, frontmatter: Record<string, unknown> } }
}

export declare function useSlideContext(): {
  $page: Ref<number>
  $nav: Ref<{ slides: SlideRouteInfo[] }>
}
