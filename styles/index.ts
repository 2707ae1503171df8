// Fonts ship with the deck (no font host is ever contacted); see fonts.provider in slides.md.
import '@fontsource-variable/inter'
// Chromium prints a variable font as Type 3 glyphs, which no PDF reader treats as a font: the
// exported files (html.print) are set in Inter's static cuts of the same design. A browser
// fetches these only for a page that uses them.
import '@fontsource/inter/latin-400.css'
import '@fontsource/inter/latin-400-italic.css'
import '@fontsource/inter/latin-500.css'
import '@fontsource/inter/latin-600.css'
import '@fontsource/inter/latin-700.css'
import '@fontsource/inter/latin-800.css'
import './deck.css'
