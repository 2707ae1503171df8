// The deck's side of the relay, loaded only in a deck built with DECK_RELAY_URL: it plugs into
// Slidev's own sync (addSyncMethod), so viewer pages follow the relay's position as a presenter's.
// A viewer who moves by themselves browses alone until follow().
import type { Socket } from 'socket.io-client'
import type { TalkPosition } from './protocol.ts'
import { addSyncMethod, sharedState, useNav } from '@slidev/client'
import { io } from 'socket.io-client'
import { effectScope, reactive, watch } from 'vue'
import { forgetKey, storedKey, storeKey } from './key.ts'
import { POSITION_EVENT } from './protocol.ts'

export type RelayRole = 'presenter' | 'viewer'
/** Where a viewer follows: the slides, or the reading view (BASE/read), which scrolls to the slide. */
export type RelayView = 'slides' | 'reading'

export const relayState = reactive({
  role: 'viewer' as RelayRole,
  view: 'slides' as RelayView,
  /** Connected to the relay right now. */
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
const NAVIGATION_KEYS = new Set([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'PageUp',
  'PageDown',
  ' ',
  'Home',
  'End',
])
/** How long Slidev may take to land on a move from the relay. */
const LANDING_MS = 1500

let relayUrl = ''
let nav: ReturnType<typeof useNav> | undefined
let socket: Socket | undefined
let applyUpdate: ((data: object) => void) | undefined
let sent = ''
/** A move from the relay on its way: until Slidev lands on it (or LANDING_MS), a difference is not the viewer's doing. */
let landing: TalkPosition | undefined
let appliedAt = 0

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
  landing = there ? undefined : position
  appliedAt = performance.now()
  if (relayState.view === 'reading') {
    document.getElementById(String(position.slide))?.scrollIntoView({ behavior: 'smooth' })
    return
  }
  applyUpdate?.({
    page: position.slide,
    clicks: position.click,
    lastUpdate: {
      id: 'relay',
      type: 'presenter',
      time: Date.now(),
    },
  })
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
  relayState.connected = false
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
    // The presenter says where the talk is at once, on every (re)connection: Slidev's shared
    // state, which every presenter window of this browser agrees on.
    if (key)
      send({ slide: sharedState.page, click: sharedState.clicks })
  })
  socket.on('disconnect', () => relayState.connected = false)
  socket.on('connect_error', (error) => {
    relayState.connected = false
    // A refusal by the relay's middleware is final: socket.io does not retry it.
    if (key && error.message === 'wrong key') {
      relayState.keyRefused = true
      relayState.keyWanted = true
      forgetKey()
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
  storeKey(key)
  relayState.keyWanted = false
  connect(key)
}

let started = false

/**
 * Starts following (a viewer) or driving (the presenter view) through the relay at `url`; called
 * again when a viewer moves between the slides and the reading view, it follows in that view.
 */
export function startRelay(url: string, view: RelayView = 'slides') {
  relayState.view = view
  if (started)
    return
  started = true
  relayUrl = url
  // Its watchers live as long as the page, not as long as the component that started it.
  nav = useNav()
  effectScope(true).run(() => watchNav(nav!))
}

function watchNav(nav: ReturnType<typeof useNav>) {
  addSyncMethod({
    init(channelKey, onUpdate, _state, persist) {
      if (persist || !channelKey.endsWith(' - shared'))
        return undefined
      applyUpdate = onUpdate
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
    if (!presenter) {
      relayState.keyWanted = false
      connect()
      return
    }
    const key = storedKey()
    if (key) {
      presentWithKey(key)
    }
    else {
      socket?.disconnect()
      relayState.keyWanted = true
    }
  }, { immediate: true })

  // A viewer who moves by themselves browses alone: a navigation key, or any other way of
  // landing somewhere the talk is not (a swipe, the nav bar, the overview, "go to").
  window.addEventListener('keydown', (event) => {
    if (relayState.role === 'viewer' && NAVIGATION_KEYS.has(event.key))
      browseAlone()
  }, { capture: true })
  watch([nav.currentSlideNo, nav.clicks], ([slide, click]) => {
    const talk = relayState.talk
    if (relayState.role !== 'viewer' || relayState.view !== 'slides' || !talk || !relayState.following)
      return
    if (landing) {
      const landed = slide === landing.slide && click === landing.click
      if (landed || performance.now() - appliedAt > LANDING_MS)
        landing = undefined
      if (landed || landing)
        return
    }
    if (slide !== talk.slide || click !== talk.click)
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
