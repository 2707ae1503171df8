// Click-by-click reveal for components that draw a sequence (a timeline's chapters, a
// diagram's steps). The clicks are registered with Slidev's clicks context, as its own v-click
// and v-switch do, so the slide's click count follows the data and is never typed in by hand.
import type { MaybeRefOrGetter } from 'vue'
import { useSlideContext } from '@slidev/client'
import { computed, onMounted, onUnmounted, ref, toValue, useId, watchEffect } from 'vue'

/** How many of `steps` show: one more per click; all when not `enabled`, and in print and the overview. */
export function useStepReveal(steps: MaybeRefOrGetter<number>, enabled: MaybeRefOrGetter<boolean> = true) {
  const clicks = useSlideContext().$clicksContext
  // Until Slidev reports the clicks, reveal only the first step, so nothing flashes in and out.
  const offset = ref<number | undefined>(toValue(enabled) ? -1 : undefined)
  const id = `step-reveal-${useId()}`

  onMounted(() => {
    const extra = toValue(steps) - 1
    const info = toValue(enabled) && extra > 0 ? clicks.calculateSince('+1', extra) : null
    if (!info) {
      offset.value = undefined
      return
    }
    clicks.register(id, info)
    watchEffect(() => {
      offset.value = info.currentOffset.value
    })
  })
  onUnmounted(() => clicks.unregister(id))

  return computed(() => offset.value === undefined ? toValue(steps) : Math.max(1, offset.value + 2))
}
