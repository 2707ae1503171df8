import type { NavigationGuard } from 'vue-router'
import { defineRoutesSetup } from '@slidev/types'
import { offersReadingView } from '../hosting/reading-view/reading-offer.ts'

// A visitor who opens the deck on a phone gets the reading view at the same slide, with a link
// back to the slides (hosting/reading-view/reading-offer.ts).
const offerReadingView: NavigationGuard = (to, from) => {
  if (from.matched.length === 0 && offersReadingView(to.query))
    return { path: '/read', hash: `#${to.params.no}` }
}

// The reading view: the talk as an article, and, printed, the handout.
export default defineRoutesSetup(routes => [
  ...routes.map(route => route.name === 'play' ? { ...route, beforeEnter: offerReadingView } : route),
  { name: 'read', path: '/read', component: () => import('../components/ReadingView.vue') },
])
