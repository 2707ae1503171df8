// The only module script of index.html, 1.html and read.html: Slidev's entry waits in its attributes
// (start-script.ts) until the visitor needs the live deck.
import { READING_PAGE, startReadingPage } from '../reading-view/reading-page.ts'
import { applyStylesheets, loadApp, startDeck } from './first-screen.ts'
import { START_APP } from './page-markers.ts'

applyStylesheets()
const script = document.querySelector<HTMLScriptElement>(`script[${START_APP}]`)
if (!script)
  throw new Error(`this page's start script has no ${START_APP} attribute naming Slidev's entry`)
try {
  if (document.getElementById('app')?.hasAttribute(READING_PAGE))
    startReadingPage(script)
  else
    startDeck(script)
}
catch (error) {
  // Whatever went wrong here, the visitor gets the live deck (a module runs once, however often asked for).
  loadApp(script)
  throw error
}
