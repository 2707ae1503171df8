// read.html needs no script to be read: startReadingPage wires only its link back to the slides.
// Where the copy cannot stand for the live deck (copyServes), Slidev's client draws the view.
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
