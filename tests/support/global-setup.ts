import { clearReport } from './report'

export default function globalSetup() {
  clearReport()
}
