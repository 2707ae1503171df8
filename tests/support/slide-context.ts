// Vitest setup: a component under test sits in a slide, as in the deck, with Slidev's clicks
// context at its last click (as Slidev sets it for the overview and the exports), so whatever
// it reveals click by click shows in full. A test that steps through the clicks provides its own.
import { createClicksContextBase } from '@slidev/client/composables/useClicks.ts'
import { CLICKS_MAX, injectionClicksContext } from '@slidev/client/constants.ts'
import { config } from '@vue/test-utils'
import { ref, shallowRef } from 'vue'

config.global.provide = {
  // The total too: Slidev counts a slide's clicks only once the slide has mounted.
  [injectionClicksContext as symbol]: shallowRef(createClicksContextBase(ref(CLICKS_MAX), 0, CLICKS_MAX)),
}
