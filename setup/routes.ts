import type { NavigationGuard } from 'vue-router'
import { defineRoutesSetup } from '@slidev/types'

/** Set when a visitor on a phone asks for the slides: they stay on them for the session. */
export const SLIDES_CHOSEN = 'deck:slides-chosen'

// On a narrow portrait screen a 16:9 slide fills a third of it and the notes, which carry the
// argument, are not there: a visitor who opens the deck there gets the reading view at the same
// slide, with a link back to the slides. A link with ?slides always opens the slides.
const offerReadingView: NavigationGuard = (to, from) => {
  const firstVisit = from.matched.length === 0
  const phone = matchMedia('(max-width: 480px) and (orientation: portrait)').matches
  if (firstVisit && phone && !('print' in to.query) && !('embedded' in to.query) && !('slides' in to.query) && !sessionStorage.getItem(SLIDES_CHOSEN))
    return { path: '/read', hash: `#${to.params.no}` }
}

// The reading view: the talk as an article, and, printed, the handout.
export default defineRoutesSetup(routes => [
  ...routes.map(route => route.name === 'play'
    ? { ...route, beforeEnter: offerReadingView }
    : route),
  {
    name: 'read',
    path: '/read',
    component: () => import('../components/ReadingView.vue'),
  },
])
