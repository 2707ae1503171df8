import { defineAppSetup } from '@slidev/types'
import { takeKeyFromAddress } from '../relay/key.ts'
import { handOverFirstScreen } from './first-screen.ts'

export default defineAppSetup(({ router }) => {
  handOverFirstScreen(router)
  if (__DECK_RELAY_URL__)
    router.isReady().then(takeKeyFromAddress)
  // The offline copy (deploy/pwa.ts) downloads the whole deck: only once
  // the page has loaded, and not for a visitor who asked their browser to save data.
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData
  if (import.meta.env.PROD && !saveData) {
    // Each visit asks the host for the service worker, so a new build is found on the next
    // visit (the browser's own check on navigation is deferred); it takes over and reloads once.
    const register = () => import('virtual:pwa-register').then(({ registerSW }) => registerSW({
      immediate: true,
      onRegisteredSW: (_url, registration) => registration?.update(),
    }))
    if (document.readyState === 'complete')
      register()
    else
      window.addEventListener('load', register, { once: true })
  }
})
