// The deck's side of the relay (relay/server.ts), loaded only in a deck built with DECK_RELAY_URL,
// once the page has loaded. It plugs into Slidev's own sync (addSyncMethod): the presenter view's
// position goes to the relay, and the relay's position comes in as a presenter's update, which
// Slidev's viewer pages already follow. A viewer who presses a navigation key browses alone
// until `follow()`; one who loses the relay keeps a working deck while socket.io reconnects.
import type { Socket } from 'socket.io-client'
import type { TalkPosition } from './protocol.ts'
import { addSyncMethod, useNav } from '@slidev/client'
import { io } from 'socket.io-client'
import { reactive } from 'vue'
import { RELAY_EVENTS } from './protocol.ts'

export type RelayRole = 'presenter' | 'viewer'
/** Where a viewer follows: the slides, or the reading view (BASE/read), which scrolls to the slide. */
export type RelayView = 'slides' | 'reading'

export const relayState = reactive({
  role: 'viewer' as RelayRole,
  view: 'slides' as RelayView,
  /** Connected to the relay right now. */
  connected: false,
  /** The presenter's key was refused, or none is known yet: the presenter view asks for one. */
  keyWanted: false,
  keyRefused: false,
  /** Where the talk is, as the relay last said; undefined until the presenter has moved. */
  talk: undefined as TalkPosition | undefined,
  /** A viewer follows the talk until they navigate themselves. */
  following: true,
})

/** The presenter's key, for this tab: from `#relay-key=KEY` or typed in. */
const KEY_STORAGE = 'deck-relay-key'
const KEY_FRAGMENT = /(?:^#|&)relay-key=([^&]+)/
/** Slidev's navigation keys: pressing one means "I'll look around myself". */
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

let socket: Socket | undefined
let applyUpdate: ((data: object) => void) | undefined
let sent = ''

function send(position: TalkPosition) {
  const text = `${position.slide}/${position.click}`
  if (!socket?.connected || text === sent)
    return
  sent = text
  socket.emit(RELAY_EVENTS.position, position)
}

function show(position: TalkPosition) {
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

/** A viewer goes back to the talk's position, and follows it again. */
export function follow() {
  relayState.following = true
  if (relayState.talk)
    show(relayState.talk)
}

function connect(url: string, key?: string) {
  socket?.disconnect()
  sent = ''
  socket = io(url, {
    transports: ['websocket'],
    auth: key
      ? { key }
      : undefined,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  })
  socket.on('connect', () => {
    sent = ''
    relayState.connected = true
    relayState.keyRefused = false
  })
  socket.on('disconnect', () => relayState.connected = false)
  socket.on('connect_error', (error) => {
    relayState.connected = false
    // A refusal by the relay's middleware is final: socket.io does not retry it.
    if (key && error.message === 'wrong key') {
      relayState.keyRefused = true
      relayState.keyWanted = true
      sessionStorage.removeItem(KEY_STORAGE)
    }
  })
  socket.on(RELAY_EVENTS.position, (position: TalkPosition) => {
    relayState.talk = position
    if (relayState.role === 'viewer' && relayState.following)
      show(position)
  })
}

let started = false
let nav: ReturnType<typeof useNav>

/**
 * Starts following (a viewer) or driving (the presenter view) through the relay at `url`; called
 * again when a viewer moves between the slides and the reading view, it follows in that view.
 */
export function startRelay(url: string, view: RelayView = 'slides') {
  relayState.view = view
  if (started)
    return
  started = true
  nav = useNav()
  relayState.role = nav.isPresenter.value ? 'presenter' : 'viewer'
  addSyncMethod({
    init(channelKey, onUpdate, _state, persist) {
      if (persist || !channelKey.endsWith(' - shared'))
        return undefined
      applyUpdate = onUpdate
      return (state, updating) => {
        const { page, clicks } = state as { page: number, clicks: number }
        if (relayState.role === 'presenter' && !updating)
          send({ slide: page, click: clicks })
      }
    },
  })

  if (relayState.role === 'presenter') {
    // A fragment never reaches a server; it is taken out of the address bar all the same.
    const fromFragment = location.hash.match(KEY_FRAGMENT)?.[1]
    if (fromFragment) {
      sessionStorage.setItem(KEY_STORAGE, decodeURIComponent(fromFragment))
      history.replaceState(history.state, '', location.pathname + location.search)
    }
    const key = sessionStorage.getItem(KEY_STORAGE)
    if (key)
      presentWithKey(url, key)
    else
      relayState.keyWanted = true
    return
  }
  connect(url)
  const browseAlone = () => {
    if (relayState.talk)
      relayState.following = false
  }
  window.addEventListener('keydown', (event) => {
    if (NAVIGATION_KEYS.has(event.key))
      browseAlone()
  }, { capture: true })
  // In the reading view, a reader who scrolls reads on alone.
  for (const type of ['wheel', 'touchmove'] as const) {
    window.addEventListener(type, () => {
      if (relayState.view === 'reading')
        browseAlone()
    }, { passive: true })
  }
}

/** The presenter view connects with `key`; on (re)connecting it says where the talk is at once. */
export function presentWithKey(url: string, key: string) {
  sessionStorage.setItem(KEY_STORAGE, key)
  relayState.keyWanted = false
  connect(url, key)
  socket!.on('connect', () => send({ slide: nav.currentSlideNo.value, click: nav.clicks.value }))
}
