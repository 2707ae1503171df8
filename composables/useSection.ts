// Where a slide stands: its section (the last `layout: section` divider at or before it), that
// section's number, and the slide's own; a divider's `footer` frontmatter is the section's short name.
import { useSlideContext } from '@slidev/client'
import { computed } from 'vue'

export function useSection() {
  const { $page, $nav } = useSlideContext()
  return computed(() => {
    const dividers = $nav.value.slides.filter(route => route.meta.slide.frontmatter.layout === 'section')
    const divider = dividers.filter(route => route.no <= $page.value).at(-1)
    return {
      /** 1-based; 0 before the first divider. */
      number: divider ? dividers.indexOf(divider) + 1 : 0,
      count: dividers.length,
      name: divider ? String(divider.meta.slide.frontmatter.footer ?? divider.meta.slide.title ?? '') : '',
      page: $page.value,
    }
  })
}
