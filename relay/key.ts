// The presenter's relay key, kept for this tab only. It comes from `#relay-key=KEY` in the
// presenter view's address, which is cleared as soon as the app has read its route (a fragment
// never reaches a server, but a shared screen shows the address bar), or is typed in.
const KEY_STORAGE = 'deck-relay-key'
const KEY_FRAGMENT = /(?:^#|&)relay-key=([^&]*)/

export const storedKey = () => sessionStorage.getItem(KEY_STORAGE) ?? undefined
export const storeKey = (key: string) => sessionStorage.setItem(KEY_STORAGE, key)
export const forgetKey = () => sessionStorage.removeItem(KEY_STORAGE)

export function takeKeyFromAddress() {
  const given = location.hash.match(KEY_FRAGMENT)?.[1]
  if (given === undefined)
    return
  let key = given
  try {
    key = decodeURIComponent(given)
  }
  catch {} // not percent-encoded after all: taken as it is
  storeKey(key)
  history.replaceState(history.state, '', location.pathname + location.search)
}
