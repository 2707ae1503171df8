import { defineRoutesSetup } from '@slidev/types'

// The reading view: the talk as an article, and, printed, the handout.
export default defineRoutesSetup(routes => [
  ...routes,
  { name: 'read', path: '/read', component: () => import('../components/ReadingView.vue') },
])
