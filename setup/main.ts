import { defineAppSetup } from '@slidev/types'
import { handOverFirstScreen } from './first-screen.ts'

export default defineAppSetup(({ router }) => {
  handOverFirstScreen(router)
})
