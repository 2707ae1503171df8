// The research-velocity model VelocityModel.vue draws: two teams, same compute; the faster one
// makes k decisions for each of the other's, and each decision improves the next by r, so
// decisions(t) = k * t / cycleMonths and capability(t) = (1 + r) ^ decisions(t). Illustrative units.

export interface VelocityInputs {
  /** How many times faster the faster team iterates (k); today's pace is 1. */
  speedup: number
  /** Gain per decision (r), compounding: 0.02 is 2 %. */
  gainPerDecision: number
  /** How far ahead to look, in months. */
  horizonMonths: number
  /** Length of one experiment cycle at today's pace, in months. */
  cycleMonths: number
}

export const DEFAULT_INPUTS: VelocityInputs = { speedup: 2, gainPerDecision: 0.02, horizonMonths: 24, cycleMonths: 1 }

/** What the slider can send; the model itself accepts any positive speed-up. */
export const SPEEDUP_RANGE = { min: 1, max: 4, step: 0.25 } as const
export const GAIN_RANGE = { min: 0, max: 0.1, step: 0.005 } as const

export class VelocityInputError extends Error {
  override name = 'VelocityInputError'
}

function check(inputs: VelocityInputs): void {
  for (const name of ['speedup', 'horizonMonths', 'cycleMonths', 'gainPerDecision'] as const) {
    const value = inputs[name]
    const mayBeZero = name === 'gainPerDecision'
    if (!Number.isFinite(value) || value < 0 || (value === 0 && !mayBeZero)) {
      const rule = mayBeZero ? 'of 0 or more' : 'greater than 0'
      throw new VelocityInputError(`velocity model: "${name}" must be a number ${rule}, got ${String(value)}`)
    }
  }
}

/** A team's experiment cycles (one decision each) and its capability, 1 where both teams began. */
function team(speed: number, months: number, inputs: VelocityInputs) {
  const experiments = speed * months / inputs.cycleMonths
  return { experiments, decisions: experiments, capability: (1 + inputs.gainPerDecision) ** experiments }
}

/** Both teams after `months` (default: the horizon). Throws VelocityInputError on bad input. */
export function outcome(inputs: VelocityInputs, months = inputs.horizonMonths) {
  check(inputs)
  const today = team(1, months, inputs)
  const faster = team(inputs.speedup, months, inputs)
  return {
    today,
    faster,
    experimentRatio: faster.experiments / today.experiments,
    capabilityRatio: faster.capability / today.capability,
  }
}

/** Month-by-month outcomes from 0 to the horizon (ending exactly on it), for the chart. */
export function series(inputs: VelocityInputs) {
  check(inputs)
  const months = Array.from({ length: Math.floor(inputs.horizonMonths) + 1 }, (_, month) => month)
  if (months.at(-1) !== inputs.horizonMonths)
    months.push(inputs.horizonMonths)
  return months.map(month => ({
    month,
    today: team(1, month, inputs),
    faster: team(inputs.speedup, month, inputs),
  }))
}

/** Keeps a slider's value inside its range and on its steps; NaN falls back to `fallback`. */
export function clampToRange(value: number, range: { min: number, max: number, step: number }, fallback: number): number {
  if (!Number.isFinite(value))
    return fallback
  const stepped = Math.round((value - range.min) / range.step) * range.step + range.min
  return Math.min(range.max, Math.max(range.min, Number(stepped.toFixed(6))))
}
