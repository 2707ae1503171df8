// The velocity model's arithmetic, and the slide's component: props in, figures out, and
// sliders that cannot send the model a value outside their range.
// @vitest-environment happy-dom
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import VelocityModel from '../../components/VelocityModel.vue'
import { clampToRange, DEFAULT_INPUTS, outcome, series, SPEEDUP_RANGE, VelocityInputError } from '../../logic/velocity-model-maths'

function at(changes: Partial<typeof DEFAULT_INPUTS>) {
  return outcome({ ...DEFAULT_INPUTS, ...changes })
}

describe('the velocity model', () => {
  it('gives equal teams at k = 1', () => {
    const result = at({ speedup: 1 })
    expect(result.faster).toEqual(result.today)
    expect(result.experimentRatio).toBe(1)
    expect(result.capabilityRatio).toBe(1)
  })

  it('gives exactly twice the experiments at k = 2 without compounding, and no capability gap', () => {
    const result = at({ speedup: 2, gainPerDecision: 0 })
    expect(result.faster.experiments).toBe(2 * result.today.experiments)
    expect(result.experimentRatio).toBe(2)
    expect(result.capabilityRatio).toBe(1)
  })

  it('counts one cycle a month at today\'s pace over the horizon', () => {
    expect(at({}).today.experiments).toBe(24)
    expect(at({}).faster.decisions).toBe(48)
  })

  it('grows the gap over time once decisions compound', () => {
    const months = [6, 12, 18, 24].map(m => outcome(DEFAULT_INPUTS, m).capabilityRatio)
    for (let i = 1; i < months.length; i++)
      expect(months[i]).toBeGreaterThan(months[i - 1])
    expect(outcome(DEFAULT_INPUTS).capabilityRatio).toBeCloseTo(1.02 ** 24, 10)
  })

  it('draws a point a month from 0 to the horizon', () => {
    const points = series(DEFAULT_INPUTS)
    expect(points.map(p => p.month)).toEqual(Array.from({ length: 25 }, (_, i) => i))
    expect(points[0].faster.capability).toBe(1)
  })

  it('ends the chart on the horizon itself, so the chart and the figures agree', () => {
    const inputs = { ...DEFAULT_INPUTS, horizonMonths: 18.5 }
    const { today, faster } = outcome(inputs)
    expect(series(inputs).at(-1)).toEqual({ month: 18.5, today, faster })
  })

  it.each([
    [
      { speedup: 0 },
      /"speedup" must be a number greater than 0, got 0/,
    ],
    [
      { speedup: -2 },
      /"speedup" must be a number greater than 0, got -2/,
    ],
    [
      { speedup: Number.NaN },
      /"speedup" must be a number greater than 0, got NaN/,
    ],
    [
      { horizonMonths: 0 },
      /"horizonMonths" must be a number greater than 0, got 0/,
    ],
    [
      { cycleMonths: Number.POSITIVE_INFINITY },
      /"cycleMonths" must be a number greater than 0, got Infinity/,
    ],
    [
      { gainPerDecision: -0.1 },
      /"gainPerDecision" must be a number of 0 or more, got -0.1/,
    ],
  ])('rejects %o with a clear message', (changes, message) => {
    expect(() => at(changes)).toThrowError(VelocityInputError)
    expect(() => at(changes)).toThrowError(message)
    expect(() => series({ ...DEFAULT_INPUTS, ...changes })).toThrowError(message)
  })

  it('clamps what a slider can send to its range and steps', () => {
    expect(clampToRange(10, SPEEDUP_RANGE, 2)).toBe(4)
    expect(clampToRange(-3, SPEEDUP_RANGE, 2)).toBe(1)
    expect(clampToRange(2.1, SPEEDUP_RANGE, 2)).toBe(2)
    expect(clampToRange(2.2, SPEEDUP_RANGE, 2)).toBe(2.25)
    expect(clampToRange(Number.NaN, SPEEDUP_RANGE, 2)).toBe(2)
  })
})

describe('velocityModel', () => {
  const figures = (wrapper: ReturnType<typeof mount>) => wrapper.find('[aria-live]').text().replace(/\s+/g, ' ')

  it('shows the default state: k = 2, 24 against 48 decisions, compounding to 1.61 against 2.59', () => {
    const wrapper = mount(VelocityModel)
    expect(figures(wrapper)).toContain('1×: 24 decisions')
    expect(figures(wrapper)).toContain('2×: 48 decisions')
    expect(figures(wrapper)).toContain('2× the research, same compute')
    expect(figures(wrapper)).toContain(`Capability ${(1.02 ** 24).toFixed(2)} vs ${(1.02 ** 48).toFixed(2)}`)
  })

  it('takes its starting speed-up from props, clamped to the slider\'s range', () => {
    expect(figures(mount(VelocityModel, {
      props: { speedup: 3 },
    }))).toContain('3×: 72 decisions')
    expect(figures(mount(VelocityModel, {
      props: { speedup: 9 },
    }))).toContain('4×: 96 decisions')
    expect(figures(mount(VelocityModel, {
      props: { horizonMonths: 12 },
    }))).toContain('2×: 24 decisions')
  })

  it('follows the slider, and clamps what it sends', async () => {
    const wrapper = mount(VelocityModel)
    const slider = wrapper.find('input[type="range"]')
    expect(wrapper.get(`#${slider.attributes('aria-labelledby')}`).text()).toMatch(/^Speed/)
    expect(slider.attributes('aria-valuetext')).toBe('2× faster')
    await slider.setValue('3.5')
    expect(figures(wrapper)).toContain('3.5×: 84 decisions')
    // Whatever the slider sends, the model gets a speed-up within the slider's range: widen the
    // element's own bounds, so the browser cannot clamp for the component.
    slider.element.setAttribute('min', '-100')
    slider.element.setAttribute('max', '100')
    slider.element.setAttribute('step', 'any')
    for (const sent of ['40', '-5', '2.3']) {
      await slider.setValue(sent)
      const [, speed, decisions] = wrapper.find('.team.faster').text().match(/^([\d.]+)×: (\d+) decisions$/)!
      expect(Number(speed), `after sending ${sent}`).toBeGreaterThanOrEqual(SPEEDUP_RANGE.min)
      expect(Number(speed), `after sending ${sent}`).toBeLessThanOrEqual(SPEEDUP_RANGE.max)
      expect(Number(decisions)).toBe(Math.round(Number(speed) * 24))
    }
    expect(wrapper.get('.team.faster').text()).toBe('2.25×: 54 decisions')
    expect(mount(VelocityModel).get('input[type="range"]').attributes()).toMatchObject({ min: '1', max: '4', step: '0.25' })
  })
})
