import { onSharedUpdate, sharedState } from '@slidev/client'
import { defineAppSetup } from '@slidev/types'
import { handOverFirstScreen } from '../hosting/first-screen/first-screen.ts'
import { registerOfflineCopy } from '../hosting/offline/register-offline.ts'
import { takeKeyFromAddress } from '../relay/key.ts'

export default defineAppSetup(({ router }) => {
  // A presenter's move the first screen heard before the app listened, unless the app has
  // heard as new a one itself (applied in this window only, not sent on).
  handOverFirstScreen(router, (move) => {
    const heard = sharedState.lastUpdate
    if (heard?.type !== 'presenter' || heard.time < (move.lastUpdate?.time ?? 0))
      onSharedUpdate(move)
  })
  if (__DECK_RELAY_URL__)
    router.isReady().then(takeKeyFromAddress)
  registerOfflineCopy()
})
