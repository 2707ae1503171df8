// On a phone in portrait a 16:9 slide fills a third of the screen and the notes, which carry the
// argument, are missing: a visitor is offered the reading view, and a way back to the slides.
// Storage a browser refuses (a privacy setting) counts as no choice made.

/** Set when a visitor on a phone asks for the slides: they stay on them for the session. */
const SLIDES_CHOSEN = 'deck:slides-chosen'

/** On a phone in portrait, the reading view; not with ?slides, a print, an embed, or once the slides were chosen. */
export function offersReadingView(query: Record<string, unknown>): boolean {
  return matchMedia('(max-width: 480px) and (orientation: portrait)').matches
    && !('print' in query) && !('embedded' in query) && !('slides' in query)
    && !slidesChosen()
}

function slidesChosen(): boolean {
  try {
    return sessionStorage.getItem(SLIDES_CHOSEN) !== null
  }
  catch {
    return false
  }
}

/** A reader asks for the slides: returns the first slide in view below the bar, where they open. */
export function chooseSlides(): number {
  try {
    sessionStorage.setItem(SLIDES_CHOSEN, '1')
  }
  catch {}
  const top = document.querySelector('.reading-bar')?.getBoundingClientRect().bottom ?? 0
  const slides = [...document.querySelectorAll<HTMLElement>('.reading-slide')]
  const inView = slides.find(section => section.getBoundingClientRect().bottom > top + 1)
  return Number(inView?.id ?? 1)
}
