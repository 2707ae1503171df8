import { writeSummary } from './report'

export default function globalTeardown() {
  writeSummary()
}
