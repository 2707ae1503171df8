// Vitest setup: a component under test sits in a slide, as in the deck, with Slidev's clicks
// context at its last click (as Slidev sets it for the overview and the exports), so whatever
// it reveals click by click shows in full. A test that steps through the clicks provides its own.
import { createClicksContextBase } from '@slidev/client/composables/useClicks.ts'
import { injectionClicksContext } from '@slidev/client/constants.ts'
import { config } from '@vue/test-utils'
import { ref, shallowRef } from 'vue'

/** Slidev's CLICKS_MAX: past any slide's last click. */
const LAST_CLICK = 999_999

config.global.provide = {
  // The total too: Slidev counts a slide's clicks only once the slide has mounted.
  [injectionClicksContext as symbol]: shallowRef(createClicksContextBase(ref(LAST_CLICK), 0, LAST_CLICK)),
}
