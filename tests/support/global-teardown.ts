import { LIMITS } from './checks'
import { writeSummary } from './report'

export default function globalTeardown() {
  writeSummary(LIMITS)
}
