// The deck's side of the relay, loaded only in a deck built with DECK_RELAY_URL: it plugs into
// Slidev's own sync (addSyncMethod), so viewer pages follow the relay's position as a presenter's.
// A viewer who moves by themselves browses alone until follow().
import type { Socket } from 'socket.io-client'
import type { TalkPosition } from './protocol.ts'
import { addSyncMethod, onSharedUpdate, sharedState, useNav } from '@slidev/client'
import { io } from 'socket.io-client'
import { effectScope, reactive, watch } from 'vue'
import { KEY_STORAGE } from './key.ts'
import { POSITION_EVENT } from './protocol.ts'

/** Where a viewer follows: the slides, or the reading view (BASE/read), which scrolls to the slide. */
export type RelayView = 'slides' | 'reading'

export const relayState = reactive({
  role: 'viewer' as 'presenter' | 'viewer',
  view: 'slides' as RelayView,
  connected: false,
  /** The presenter view asks for the key: none is known yet, or the relay refused it. */
  keyWanted: false,
  keyRefused: false,
  /** Where the talk is, as the relay last said; undefined until the presenter has moved. */
  talk: undefined as TalkPosition | undefined,
  /** A viewer follows the talk until they move by themselves. */
  following: true,
})

/** Slidev's navigation keys. */
const NAVIGATION_KEY = /^(?:Arrow(?:Left|Right|Up|Down)|Page(?:Up|Down)|Home|End| )$/
/** How long Slidev may take to land on a move from the relay. */
const LANDING_MS = 1500

let relayUrl = ''
let nav: ReturnType<typeof useNav> | undefined
let socket: Socket | undefined
let sent = ''
/** When a move from the relay went to Slidev: until it lands (or LANDING_MS), moves are not the viewer's. */
let movingSince: number | undefined

function send(position: TalkPosition) {
  const text = `${position.slide}/${position.click}`
  if (!socket?.connected || text === sent)
    return
  sent = text
  socket.emit(POSITION_EVENT, position)
}

function show(position: TalkPosition) {
  // Already there, Slidev does not move, so there is nothing to land.
  const there = nav?.currentSlideNo.value === position.slide && nav.clicks.value === position.click
  movingSince = there ? undefined : performance.now()
  if (relayState.view === 'reading') {
    // The address follows too: the reading view keeps `#N` in view while the page above it settles.
    history.replaceState(history.state, '', `#${position.slide}`)
    document.getElementById(String(position.slide))?.scrollIntoView({ behavior: 'smooth' })
    return
  }
  const lastUpdate = { id: 'relay', type: 'presenter', time: Date.now() }
  onSharedUpdate({ page: position.slide, clicks: position.click, lastUpdate })
}

function browseAlone() {
  if (relayState.talk)
    relayState.following = false
}

/** A viewer goes back to the talk's position, and follows it again. */
export function follow() {
  relayState.following = true
  if (relayState.talk)
    show(relayState.talk)
}

function connect(key?: string) {
  socket?.disconnect()
  socket = io(relayUrl, {
    transports: ['websocket'],
    auth: key ? { key } : undefined,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  })
  socket.on('connect', () => {
    sent = ''
    relayState.connected = true
    relayState.keyRefused = false
    // On every (re)connection the presenter says where the talk is, as Slidev's shared state has it.
    if (key)
      send({ slide: sharedState.page, click: sharedState.clicks })
  })
  socket.on('disconnect', () => relayState.connected = false)
  // A refusal by the relay's middleware is final: socket.io does not retry it.
  socket.on('connect_error', (error) => {
    if (key && error.message === 'wrong key') {
      relayState.keyRefused = true
      relayState.keyWanted = true
      sessionStorage.removeItem(KEY_STORAGE)
    }
  })
  socket.on(POSITION_EVENT, (position: TalkPosition) => {
    relayState.talk = position
    if (relayState.role === 'viewer' && relayState.following)
      show(position)
  })
}

/** The presenter view drives with `key`. */
export function presentWithKey(key: string) {
  sessionStorage.setItem(KEY_STORAGE, key)
  relayState.keyWanted = false
  connect(key)
}

/** Follows (a viewer) or drives (the presenter view) through the relay at `url`, in `view`. */
export function startRelay(url: string, view: RelayView = 'slides') {
  relayState.view = view
  if (nav)
    return
  relayUrl = url
  nav = useNav()
  // Its watchers live as long as the page, not as long as the component that started it.
  effectScope(true).run(() => watchNav(nav!))
}

function watchNav(nav: ReturnType<typeof useNav>) {
  addSyncMethod({
    init(channelKey, _onUpdate, _state, persist) {
      if (persist || !channelKey.endsWith(' - shared'))
        return undefined
      return (state, updating) => {
        const { page, clicks } = state as typeof sharedState
        if (relayState.role === 'presenter' && !updating)
          send({ slide: page, click: clicks })
      }
    },
  })
  // Slidev switches between the slides and the presenter view within the page.
  watch(nav.isPresenter, (presenter) => {
    relayState.role = presenter ? 'presenter' : 'viewer'
    const key = sessionStorage.getItem(KEY_STORAGE)
    if (!presenter)
      connect()
    else if (key)
      presentWithKey(key)
    else
      socket?.disconnect()
    relayState.keyWanted = presenter && !key
  }, { immediate: true })

  // A viewer who moves by themselves browses alone: a navigation key, or any other way of
  // landing somewhere the talk is not (a swipe, the nav bar, the overview, "go to").
  window.addEventListener('keydown', (event) => {
    if (relayState.role === 'viewer' && NAVIGATION_KEY.test(event.key))
      browseAlone()
  }, { capture: true })
  watch([nav.currentSlideNo, nav.clicks], ([slide, click]) => {
    const talk = relayState.talk
    if (relayState.role !== 'viewer' || relayState.view !== 'slides' || !talk || !relayState.following)
      return
    if (slide === talk.slide && click === talk.click)
      movingSince = undefined
    else if (movingSince === undefined || performance.now() - movingSince > LANDING_MS)
      browseAlone()
  })
  // In the reading view, a reader who scrolls reads on alone.
  for (const type of ['wheel', 'touchmove'] as const) {
    window.addEventListener(type, () => {
      if (relayState.view === 'reading')
        browseAlone()
    }, { passive: true })
  }
}
