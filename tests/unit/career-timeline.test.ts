// The timeline component as it renders: every milestone in order, a filtered instance with its
// subset only, and one click per chapter of the story, counted by Slidev's own clicks context.
// @vitest-environment happy-dom
import { createClicksContextBase } from '@slidev/client/composables/useClicks.ts'
import { injectionClicksContext } from '@slidev/client/constants.ts'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, h, nextTick, ref, shallowRef } from 'vue'
import CareerTimeline from '../../components/CareerTimeline.vue'
import { milestones } from '../../data/career'
import { chapters, selectMilestones } from '../../logic/career-timeline-layout'

type Props = InstanceType<typeof CareerTimeline>['$props']

function listed(wrapper: ReturnType<typeof mount>) {
  return wrapper.findAll('ol li').filter(li => li.attributes('style') === undefined || !li.attributes('style')!.includes('display: none')).map(li => li.attributes('data-milestone'))
}
const drawn = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('.item.shown').map(item => item.attributes('data-milestone'))

describe('careerTimeline', () => {
  // Mounted in a slide at its last click (tests/support/slide-context.ts): the timeline shows
  // all it reveals once its clicks have registered, a tick after mounting.
  it('renders every milestone, in chronological order, with machine-readable dates', async () => {
    const wrapper = mount(CareerTimeline)
    await nextTick()
    expect(listed(wrapper)).toEqual(milestones.map(m => m.id))
    expect(drawn(wrapper).sort()).toEqual(milestones.map(m => m.id).sort())
    const times = wrapper.findAll('ol time').map(t => t.attributes('datetime'))
    expect(times).toContain('2026-05-19')
    expect(times).toContain('2009') // unverified: the year only
    expect(wrapper.text()).not.toContain('2009-')
  })

  it.each<[string, Props]>([
    [
      'kinds: role',
      {
        kinds: ['role'],
      },
    ],
    [
      'kinds: work',
      {
        kinds: ['work'],
      },
    ],
    [
      'eras: openai, tesla',
      {
        eras: ['openai', 'tesla'],
      },
    ],
    [
      'years 2017 to 2023',
      { from: 2017, to: 2023 },
    ],
  ])('renders only its subset when filtered (%s)', async (_, props) => {
    const wrapper = mount(CareerTimeline, { props })
    await nextTick()
    const expected = selectMilestones(milestones, props).map(m => m.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(expected.length).toBeLessThan(milestones.length)
    expect(listed(wrapper)).toEqual(expected)
    expect(drawn(wrapper)).toHaveLength(expected.length)
  })

  it('marks the hire as the climax', () => {
    const wrapper = mount(CareerTimeline, {
      props: {
        kinds: ['role'],
      },
    })
    expect(wrapper.findAll('.climax').map(c => c.attributes('data-milestone'))).toEqual(['anthropic'])
    expect(wrapper.find('.climax').text()).toContain('May 2026')
  })

  it.each<[string, Props]>([
    ['the whole career', {}],
    [
      'its posts',
      {
        kinds: ['role'],
      },
    ],
    [
      'its public work',
      {
        kinds: ['work'],
      },
    ],
  ])('takes one click per chapter of %s, and reveals them in turn', async (_, props) => {
    const current = ref(0)
    const clicks = createClicksContextBase(current)
    const Slide = defineComponent({
      setup() {
        clicks.setup()
        return () => h(CareerTimeline, props)
      },
    })
    const wrapper = mount(Slide, {
      global: {
        provide: {
          [injectionClicksContext as symbol]: shallowRef(clicks),
        },
      },
    })
    await nextTick()

    const story = chapters(selectMilestones(milestones, props))
    expect(clicks.total).toBe(story.length - 1)
    for (let click = 0; click <= clicks.total; click++) {
      current.value = click
      await nextTick()
      const expected = story.slice(0, click + 1).flat().map(m => m.id)
      expect(listed(wrapper), `after ${click} clicks`).toEqual(expected)
      expect(drawn(wrapper).sort(), `after ${click} clicks`).toEqual([...expected].sort())
    }
  })
})
