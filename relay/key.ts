// The presenter's relay key, kept for this tab only. It comes from `#relay-key=KEY` in the
// presenter view's address, which is cleared as soon as the app has read its route (a fragment
// never reaches a server, but a shared screen shows the address bar), or is typed in.
export const KEY_STORAGE = 'deck-relay-key'

export function takeKeyFromAddress() {
  const given = location.hash.match(/(?:^#|&)relay-key=([^&]*)/)?.[1]
  if (given === undefined)
    return
  let key = given
  try {
    key = decodeURIComponent(given)
  }
  catch {} // not percent-encoded after all: taken as it is
  sessionStorage.setItem(KEY_STORAGE, key)
  history.replaceState(history.state, '', location.pathname + location.search)
}
