// The built index.html carries slide 1 as static markup (deploy/first-screen.ts): the browser
// draws it in its first frame, before any of Slidev's client has loaded.
// - startDeck (run by the page's only script, setup/deck-start.ts) holds Slidev's client back
//   while the copy is all a visitor needs: it starts it at their first input (a key, the
//   pointer, a touch, the wheel) or when the presenter's window moves the slides, and at once
//   when the copy is not what they asked for. A visitor who only looks at slide 1, as a phone
//   on a slow network does, never pays for the app (docs/loading.md).
// - handOverFirstScreen (in the app) removes the copy once a live slide is on screen, then
//   replays the key that started the app and the presenter's last move, so neither is lost.
import type { Router } from 'vue-router'
import { registerOfflineCopy } from './offline.ts'
import { offersReadingView } from './reading-offer.ts'

export const FIRST_SCREEN_ID = 'slidev-first-screen'
/** The attribute on the first screen that names the slide it shows. */
export const FIRST_SCREEN_SLIDE = 'data-first-screen-slide'
/** On the start script: Slidev's entry module, and the modules to preload with it. */
export const START_APP = 'data-app'
export const START_PRELOADS = 'data-preload'
/** On the copy, for the live deck: the key that started it; the presenter's last move. */
const PENDING_KEY = 'data-pending-key'
const PENDING_MOVE = 'data-pending-move'
/** If no live slide has shown by then, the copy goes anyway, so it can never hide a live view. */
const HAND_OVER_LIMIT_MS = 10_000
const INPUTS = [
  'keydown',
  'pointerdown',
  'pointermove',
  'touchstart',
  'wheel',
] as const
/** Where Slidev keeps a color scheme the visitor chose (@slidev/client/logic/dark.ts). */
const SLIDEV_COLOR_SCHEME = 'slidev-color-schema'

interface PendingMove {
  /** Slidev's BroadcastChannel for the presenter's state (`<title> - shared`). */
  channel: string
  state: unknown
}

/** Whether the address is the copy's slide, in the slides (not a print, an embed, ...). */
function asksForFirstScreen(screen: HTMLElement): boolean {
  const base = import.meta.env.BASE_URL
  const path = location.pathname.startsWith(base)
    ? location.pathname.slice(base.length)
    : undefined
  return path === '' || path === screen.getAttribute(FIRST_SCREEN_SLIDE)
}

/** Whether the copy is what the visitor asked for: slide 1 of the slides, in light mode. */
function firstScreenAnswers(screen: HTMLElement): boolean {
  if (getComputedStyle(screen).display === 'none' || choseDark() || __DECK_RELAY_URL__)
    return false
  const query = [
    ...new URLSearchParams(location.search).keys(),
  ]
  return asksForFirstScreen(screen) && query.every(key => key === 'slides')
}

/** Loads Slidev's client, which the start script's attributes name. */
export function loadApp(script: HTMLScriptElement) {
  for (const href of script.getAttribute(START_PRELOADS)?.split(' ').filter(Boolean) ?? []) {
    const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href, crossOrigin: '' })
    document.head.append(link)
  }
  const app = Object.assign(document.createElement('script'), {
    type: 'module',
    src: script.getAttribute(START_APP),
    crossOrigin: '',
  })
  document.head.append(app)
}

/** Whether the visitor chose the dark scheme in the deck, which the build's copies are not in. */
export function choseDark(): boolean {
  return localStorage.getItem(SLIDEV_COLOR_SCHEME) === 'dark'
}

export function startDeck(script: HTMLScriptElement) {
  const screen = document.getElementById(FIRST_SCREEN_ID)
  // A phone is offered the reading view: read.html, which needs no app (setup/reading-page.ts).
  if (screen && asksForFirstScreen(screen) && offersReadingView(Object.fromEntries(new URLSearchParams(location.search)))) {
    location.replace(`${import.meta.env.BASE_URL}read#${screen.getAttribute(FIRST_SCREEN_SLIDE)}`)
    return
  }
  let started = false
  const start = () => {
    if (started)
      return
    started = true
    INPUTS.forEach(type => removeEventListener(type, onInput, true))
    screen?.setAttribute('aria-hidden', 'true')
    screen?.setAttribute('inert', '')
    loadApp(script)
  }
  function onInput(event: Event) {
    if (event instanceof KeyboardEvent) {
      const { key, code, shiftKey, ctrlKey, altKey, metaKey } = event
      screen!.setAttribute(PENDING_KEY, JSON.stringify({
        key,
        code,
        shiftKey,
        ctrlKey,
        altKey,
        metaKey,
      }))
    }
    start()
  }
  if (!screen || !firstScreenAnswers(screen))
    return start()
  // Until the live deck starts, the copy is the page: a screen reader reads it.
  screen.removeAttribute('aria-hidden')
  screen.removeAttribute('inert')
  INPUTS.forEach(type => addEventListener(type, onInput, { capture: true, passive: true }))
  // The presenter view, in another window, sends each move on Slidev's channel; the live deck
  // replays the last one that came before it listened.
  const channel = new BroadcastChannel(`${document.title} - shared`)
  channel.addEventListener('message', (event) => {
    if (!screen.isConnected)
      return channel.close()
    screen.setAttribute(PENDING_MOVE, JSON.stringify({ channel: channel.name, state: event.data } satisfies PendingMove))
    start()
  })
  registerOfflineCopy()
}

function liveSlideShown(): boolean {
  return [
    ...document.querySelectorAll('#slideshow .slidev-page'),
  ].some(page =>
    page.getBoundingClientRect().width > 0
    && !page.querySelector('.slidev-slide-loading')
    && page.textContent!.trim() !== '')
}

/** Removes the copy, then hands the live deck what reached the copy first. */
function removeFirstScreen(screen: HTMLElement) {
  screen.remove()
  const key = screen.getAttribute(PENDING_KEY)
  if (key) {
    for (const type of ['keydown', 'keyup']) {
      document.body.dispatchEvent(new KeyboardEvent(type, {
        ...JSON.parse(key),
        bubbles: true,
      }))
    }
  }
  const move = screen.getAttribute(PENDING_MOVE)
  if (move) {
    const { channel, state } = JSON.parse(move) as PendingMove
    const replay = new BroadcastChannel(channel)
    replay.postMessage(state)
    replay.close()
  }
}

export function handOverFirstScreen(router: Router) {
  const screen = document.getElementById(FIRST_SCREEN_ID)
  if (!screen)
    return
  // Hidden by its own CSS (dark mode, or no CSS to scale it): nothing to hand over.
  if (getComputedStyle(screen).display === 'none') {
    screen.remove()
    return
  }
  const no = Number(screen.getAttribute(FIRST_SCREEN_SLIDE))
  const started = performance.now()
  const removeWhenLive = () => {
    if (liveSlideShown() || performance.now() - started > HAND_OVER_LIMIT_MS)
      removeFirstScreen(screen)
    else
      requestAnimationFrame(removeWhenLive)
  }
  router.isReady().then(() => {
    const route = router.currentRoute.value
    if (route.name === 'play' && Number(route.params.no) === no && !('print' in route.query))
      removeWhenLive()
    else
      removeFirstScreen(screen)
  }, () => screen.remove())
}
