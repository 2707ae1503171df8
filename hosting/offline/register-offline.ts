// The offline copy downloads the whole deck: only once the page has loaded, and not for a visitor
// who asked to save data. The live deck and the start script both call it; it registers once.
let asked = false

export function registerOfflineCopy() {
  const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData
  if (asked || !import.meta.env.PROD || saveData)
    return
  asked = true
  // Each visit asks the host for the worker, so a new build takes over on the next visit and the
  // page reloads once: on a change of controller, as workbox-window misses a worker installed that fast.
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
