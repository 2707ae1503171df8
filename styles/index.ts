// Fonts ship with the deck (no font host is ever contacted); see fonts.provider in slides.md.
import '@fontsource-variable/inter'
import './deck.css'
