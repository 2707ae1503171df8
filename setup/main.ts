import { defineAppSetup } from '@slidev/types'
import { takeKeyFromAddress } from '../relay/key.ts'
import { handOverFirstScreen } from './first-screen.ts'
import { registerOfflineCopy } from './offline.ts'

export default defineAppSetup(({ router }) => {
  handOverFirstScreen(router)
  if (__DECK_RELAY_URL__)
    router.isReady().then(takeKeyFromAddress)
  registerOfflineCopy()
})
