// The browser half of the first screen: slide 1 as static markup in the built HTML, shown until
// the live deck draws it. startDeck decides when Slidev's client starts (docs/loading.md);
// handOverFirstScreen, in the app, removes the copy and replays what reached it first.
import type { Router } from 'vue-router'
import { registerOfflineCopy } from '../offline/register-offline.ts'
import { offersReadingView } from '../reading-view/reading-offer.ts'
import { COPY_HIDDEN_MEDIA, COPY_NEEDS_SUPPORT, DEFERRED_STYLE, FIRST_SCREEN_ID, FIRST_SCREEN_SLIDE, START_APP, START_PRELOADS } from './page-markers.ts'

/** On the copy, for the live deck: the keys pressed on it; the presenter's last move. */
const PENDING_KEYS = 'data-pending-keys'
const PENDING_MOVE = 'data-pending-move'
/** If no live slide has shown by then, the copy goes anyway, so it can never hide a live view. */
const HAND_OVER_LIMIT_MS = 10_000
/** The longest Slidev's client waits for the stylesheets before it starts anyway. */
const STYLESHEETS_WAIT_MS = 3000
/** A key that moves the deck takes effect once its route has changed; one that does not, at once. */
const KEY_SETTLED_MS = 500
/** The inputs besides a key that start the deck on a phone or a tablet. */
const INPUTS = ['pointerdown', 'pointermove', 'touchstart', 'wheel'] as const
/** A computer, where starting the app costs a moment: it starts once the page is idle. */
const STARTS_WHEN_IDLE = '(hover: hover) and (pointer: fine)'

/** The presenter's state as Slidev's BroadcastChannel carries it (@slidev/client's SharedState). */
export interface PresenterMove {
  page?: number
  clicks?: number
  lastUpdate?: { type: string, time: number }
}

/** Whether the address is the copy's slide, in the slides (not a print, an embed, ...). */
function asksForFirstScreen(screen: HTMLElement): boolean {
  const base = import.meta.env.BASE_URL
  const path = location.pathname.startsWith(base) ? location.pathname.slice(base.length) : undefined
  const query = [...new URLSearchParams(location.search).keys()]
  return (path === '' || path === screen.getAttribute(FIRST_SCREEN_SLIDE)) && query.every(key => key === 'slides')
}

/** Whether the visitor chose the dark scheme in the deck (@slidev/client/logic/dark.ts stores it). */
function choseDark(): boolean {
  try {
    return localStorage.getItem('slidev-color-schema') === 'dark'
  }
  catch {
    return false // storage a browser refuses: no choice made
  }
}

/** Whether the build's copy can stand for the live deck; media queries tell without laying read.html out. */
export function copyServes(): boolean {
  return !matchMedia(COPY_HIDDEN_MEDIA).matches && CSS.supports(COPY_NEEDS_SUPPORT) && !choseDark() && !__DECK_RELAY_URL__
}

let stylesheetsApplied: Promise<unknown> = Promise.resolve()

/** Applies the stylesheets index.html fetched beside the first screen's inline CSS, without holding its first paint. */
export function applyStylesheets() {
  const applied = Promise.all([...document.querySelectorAll<HTMLLinkElement>(`link[${DEFERRED_STYLE}]`)].map(link => new Promise((done) => {
    link.addEventListener('load', done, { once: true })
    link.addEventListener('error', done, { once: true })
    link.rel = 'stylesheet'
  })))
  // A load event that never comes must not keep the deck from starting.
  stylesheetsApplied = Promise.race([applied, new Promise(done => setTimeout(done, STYLESHEETS_WAIT_MS))])
}

/**
 * Loads Slidev's client, which the start script's attributes name: its modules at once, beside
 * the stylesheets; its entry once they apply (or at most STYLESHEETS_WAIT_MS), so it draws styled.
 */
export function loadApp(script: HTMLScriptElement) {
  for (const href of script.getAttribute(START_PRELOADS)?.split(' ').filter(Boolean) ?? [])
    document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' }))
  stylesheetsApplied.then(() => {
    const src = script.getAttribute(START_APP)
    document.head.append(Object.assign(document.createElement('script'), { type: 'module', src, crossOrigin: '' }))
  })
}

export function startDeck(script: HTMLScriptElement) {
  const screen = document.getElementById(FIRST_SCREEN_ID)
  // A phone is offered the reading view: read.html, which needs no app (reading-view/reading-page.ts).
  if (screen && asksForFirstScreen(screen) && offersReadingView(Object.fromEntries(new URLSearchParams(location.search)))) {
    location.replace(`${import.meta.env.BASE_URL}read#${screen.getAttribute(FIRST_SCREEN_SLIDE)}`)
    return
  }
  let started = false
  const start = () => {
    if (started)
      return
    started = true
    INPUTS.forEach(type => removeEventListener(type, start, true))
    screen?.setAttribute('aria-hidden', 'true')
    screen?.setAttribute('inert', '')
    loadApp(script)
  }
  if (!screen || !copyServes() || !asksForFirstScreen(screen)) {
    screen?.remove()
    return start()
  }
  // Until the live deck starts, the copy is the page: a screen reader reads it.
  screen.removeAttribute('aria-hidden')
  screen.removeAttribute('inert')
  // Keys are kept, and kept from the app, until the copy goes; then it gets them in order.
  const keys: object[] = []
  const onKey = (event: KeyboardEvent) => {
    if (!screen.isConnected)
      return removeEventListener('keydown', onKey, true)
    event.stopImmediatePropagation()
    const { key, code, shiftKey, ctrlKey, altKey, metaKey } = event
    keys.push({ key, code, shiftKey, ctrlKey, altKey, metaKey })
    screen.setAttribute(PENDING_KEYS, JSON.stringify(keys))
    start()
  }
  addEventListener('keydown', onKey, true)
  INPUTS.forEach(type => addEventListener(type, start, { capture: true, passive: true }))
  // The presenter view, in another window, sends each move on Slidev's channel: the deck starts
  // at the presenter's slide, and the live deck takes the last move that came before it listened.
  const channel = new BroadcastChannel(`${document.title} - shared`)
  channel.addEventListener('message', ({ data: move }: MessageEvent<PresenterMove>) => {
    if (!screen.isConnected)
      return channel.close()
    screen.setAttribute(PENDING_MOVE, JSON.stringify(move))
    if (!started && move.lastUpdate?.type === 'presenter' && Number.isInteger(move.page)) {
      const clicks = move.clicks ? `?clicks=${move.clicks}` : ''
      history.replaceState(history.state, '', `${import.meta.env.BASE_URL}${move.page}${clicks}`)
    }
    start()
  })
  // The offline copy downloads what the deck uses: on a computer the live deck asks for it once it
  // is up (setup/main.ts), so it never slows the first slide change; a phone may never start it.
  if (matchMedia(STARTS_WHEN_IDLE).matches)
    addEventListener('load', () => (window.requestIdleCallback ?? setTimeout)(start), { once: true })
  else
    registerOfflineCopy()
}

function liveSlideShown(): boolean {
  return [...document.querySelectorAll('#slideshow .slidev-page')].some(page =>
    page.getBoundingClientRect().width > 0
    && !page.querySelector('.slidev-slide-loading')
    && page.textContent!.trim() !== '')
}

// Removes the copy, then hands the live deck the presenter's last move and the keys, each once the
// one before has taken effect (Slidev counts the next slide from the route, which a key changes once its slide loads).
async function removeFirstScreen(screen: HTMLElement, router: Router, takeMove: (move: PresenterMove) => void) {
  screen.remove()
  const move = screen.getAttribute(PENDING_MOVE)
  if (move)
    takeMove(JSON.parse(move) as PresenterMove)
  for (const key of JSON.parse(screen.getAttribute(PENDING_KEYS) ?? '[]') as KeyboardEventInit[]) {
    let stop = () => {}
    const settled = new Promise<void>((resolve) => {
      stop = router.afterEach(() => resolve())
      setTimeout(resolve, KEY_SETTLED_MS)
    })
    for (const type of ['keydown', 'keyup'])
      document.body.dispatchEvent(new KeyboardEvent(type, { ...key, bubbles: true }))
    await settled
    stop()
  }
}

/** In the app: hands the screen over to it; `takeMove` applies a presenter's move in this window. */
export function handOverFirstScreen(router: Router, takeMove: (move: PresenterMove) => void) {
  // startDeck left the screen only where it stands for the live deck.
  const screen = document.getElementById(FIRST_SCREEN_ID)
  if (!screen)
    return
  const no = Number(screen.getAttribute(FIRST_SCREEN_SLIDE))
  const started = performance.now()
  const removeWhenLive = () => {
    if (liveSlideShown() || performance.now() - started > HAND_OVER_LIMIT_MS)
      removeFirstScreen(screen, router, takeMove)
    else
      requestAnimationFrame(removeWhenLive)
  }
  router.isReady().then(() => {
    const route = router.currentRoute.value
    if (route.name === 'play' && Number(route.params.no) === no && !('print' in route.query))
      removeWhenLive()
    else
      removeFirstScreen(screen, router, takeMove)
  }, () => screen.remove())
}
