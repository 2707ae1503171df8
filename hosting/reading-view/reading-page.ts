// read.html is the reading view as the build drew it (hosting/reading-view/capture-reading-page.ts): an article that
// needs no script to be read, on a phone on a slow network too. startReadingPage keeps it so,
// wiring only its link back to the slides. Where the copy cannot stand for the live deck
// (copyServes: dark mode, no CSS division, a relay deck), Slidev's client loads and draws the
// reading view itself.
import { copyServes, loadApp } from '../first-screen/first-screen.ts'
import { registerOfflineCopy } from '../offline/register-offline.ts'
import { chooseSlides } from './reading-offer.ts'

/** On #app in read.html, while it holds the build's copy. */
export const READING_PAGE = 'data-reading-page'

export function startReadingPage(script: HTMLScriptElement) {
  const app = document.getElementById('app')!
  if (!copyServes()) {
    app.removeAttribute(READING_PAGE)
    loadApp(script)
    return
  }
  document.querySelector('.reading-to-slides')?.addEventListener('click', (event) => {
    event.preventDefault()
    location.assign(`${import.meta.env.BASE_URL}${chooseSlides()}`)
  })
  registerOfflineCopy()
}
