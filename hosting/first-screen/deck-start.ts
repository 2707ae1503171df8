import { READING_PAGE, startReadingPage } from '../reading-view/reading-page.ts'
// The only script of the pages the build draws ahead of Slidev's client (index.html and 1.html
// with slide 1, read.html with the reading view): Slidev's entry waits in this script's
// attributes (hosting/first-screen/start-script.ts) until the visitor needs it.
import { loadApp, START_APP, startDeck } from './first-screen.ts'

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
