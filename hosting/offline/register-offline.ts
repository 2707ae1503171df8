// The offline copy downloads the whole deck: only once the page has loaded, and not for a visitor
// who asked to save data. The live deck and the start script both call it; it registers once.
let asked = false

export function registerOfflineCopy() {
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData
  if (asked || !import.meta.env.PROD || saveData)
    return
  asked = true
  // Each visit asks the host for the service worker, so a new build is found on the next
  // visit (the browser's own check on navigation is deferred); it takes over and the page
  // reloads once. workbox-window reloads only for a worker it saw install, which a page that
  // loads as quickly as the first screen can miss: a change of controller reloads it too.
  const updating = Boolean(navigator.serviceWorker?.controller)
  navigator.serviceWorker?.addEventListener('controllerchange', () => updating && location.reload(), { once: true })
  const register = () => import('virtual:pwa-register').then(({ registerSW }) => registerSW({
    immediate: true,
    onRegisteredSW: (_url, registration) => registration?.update(),
  }))
  if (document.readyState === 'complete')
    register()
  else
    window.addEventListener('load', register, { once: true })
}
