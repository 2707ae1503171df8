// The career data, and what happens when someone breaks it: each malformed entry stops the
// build and the tests with a message naming the file, the entry and the field.
import type { Milestone } from '../../data/career'
import { describe, expect, it } from 'vitest'
import { milestones } from '../../data/career'
import { CareerDataError, validateDeckData, validateMilestones } from '../../data/career-check'
import { formatDate } from '../../logic/career-dates'

const good = milestones.slice(0, 4)
function broken(index: number, change: Partial<Milestone> | ((m: Milestone) => Milestone)): Milestone[] {
  return good.map((m, i) => i !== index
    ? m
    : typeof change === 'function'
      ? change(m)
      : { ...m, ...change })
}

describe('the career data', () => {
  it('accepts Feb 29 in a leap year, and dates of unequal precision in either order', () => {
    expect(() => validateMilestones([
      {
        ...good[2],
        date: { year: 2012, month: 2, day: 29 },
        until: undefined,
      },
    ])).not.toThrow()
    expect(() => validateMilestones([
      {
        ...good[0],
        date: { year: 2015, month: 5, day: 21 },
      },
      {
        ...good[1],
        date: { year: 2015, approximate: true },
      },
      {
        ...good[2],
        date: { year: 2015, month: 12 },
        until: undefined,
      },
    ])).not.toThrow()
  })

  it('passes its own check', () => {
    expect(() => validateMilestones(milestones)).not.toThrow()
  })

  it('gives every milestone a source', () => {
    for (const m of milestones)
      expect(m.source, m.id).toMatch(/^https:\/\//)
  })

  it('shows an unverified date as "c." and the year only', () => {
    const unverified = milestones.filter(m => m.date.approximate)
    expect(unverified.map(m => m.id)).toEqual([
      'bsc-toronto',
      'msc-ubc',
      'phd-stanford',
      'cs231n',
      'zero-to-hero',
    ])
    for (const m of unverified)
      expect(formatDate(m.date)).toBe(`c. ${m.date.year}`)
  })
})

describe.each([
  [
    'a month 13',
    broken(2, {
      date: { year: 2011, month: 13 },
    }),
    /milestone "google-2011": field "date.month" must be 1 to 12, got 13/,
  ],
  [
    'a day past the month',
    broken(2, {
      date: { year: 2011, month: 4, day: 31 },
    }),
    /milestone "google-2011": field "date.day" must be 1 to 30 for 2011-04, got 31/,
  ],
  [
    'Feb 29 outside a leap year',
    broken(2, {
      date: { year: 2011, month: 2, day: 29 },
    }),
    /milestone "google-2011": field "date.day" must be 1 to 28 for 2011-02, got 29/,
  ],
  [
    'a month on an unverified date',
    broken(0, {
      date: { year: 2009, month: 5, approximate: true },
    }),
    /milestone "bsc-toronto": field "date" is approximate/,
  ],
  [
    'a bad URL',
    broken(3, { source: 'karpathy.github.io/2016/09/07/phd/' }),
    /milestone "phd-stanford": field "source" is not a URL/,
  ],
  [
    'a plain-http URL',
    broken(3, {
      moreSources: ['http://purl.stanford.edu/wf528qt3314'],
    }),
    /milestone "phd-stanford": field "moreSources\[0\]" must be an https:\/\/ address/,
  ],
  [
    'an end before its start',
    broken(2, {
      until: { year: 2010 },
    }),
    /milestone "google-2011": field "until" is before field "date"/,
  ],
  [
    'events out of order',
    [good[1], good[0], good[2], good[3]],
    /milestone "bsc-toronto": field "date" is earlier than milestone "msc-ubc" before it/,
  ],
  [
    'events out of order across precisions',
    [
      {
        ...good[0],
        date: { year: 2015, month: 12 },
      },
      {
        ...good[1],
        date: { year: 2015, approximate: true },
      },
      {
        ...good[2],
        date: { year: 2015, month: 1 },
        until: undefined,
      },
    ],
    /milestone "google-2011": field "date" is earlier than milestone "bsc-toronto" before it/,
  ],
])('data with %s', (_, list, message) => {
  it('fails the check, naming the file, entry and field', () => {
    expect(() => validateMilestones(list)).toThrowError(CareerDataError)
    expect(() => validateMilestones(list)).toThrowError(/^data\/career\.ts: /)
    expect(() => validateMilestones(list)).toThrowError(message)
  })

  it('fails the build', () => {
    const plugin = validateDeckData(list)
    expect(() => (plugin.buildStart as () => void)()).toThrowError(message)
  })
})
