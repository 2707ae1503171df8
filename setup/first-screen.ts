// The built index.html carries slide 1 as static markup (deploy/first-screen.ts): the browser
// draws it in its first frame, while Slidev's client, which draws nothing until all of its
// script has run, is still loading. This hands the screen over to the live deck: the copy goes
// as soon as a live slide is on screen, and at once when the app opens on anything but that
// slide (a deep link a host answered with index.html, the overview, ?print).
import type { Router } from 'vue-router'

export const FIRST_SCREEN_ID = 'slidev-first-screen'
/** The attribute on the first screen that names the slide it shows. */
export const FIRST_SCREEN_SLIDE = 'data-first-screen-slide'
/** If no live slide has shown by then, the copy goes anyway, so it can never hide a live view. */
const HAND_OVER_LIMIT_MS = 10_000

function liveSlideShown(): boolean {
  return [
    ...document.querySelectorAll('#slideshow .slidev-page'),
  ].some(page =>
    page.getBoundingClientRect().width > 0
    && !page.querySelector('.slidev-slide-loading')
    && page.textContent!.trim() !== '')
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
      screen.remove()
    else
      requestAnimationFrame(removeWhenLive)
  }
  router.isReady().then(() => {
    const route = router.currentRoute.value
    if (route.name === 'play' && Number(route.params.no) === no && !('print' in route.query))
      removeWhenLive()
    else
      screen.remove()
  }, () => screen.remove())
}
