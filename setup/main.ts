import { configs } from '@slidev/client/env.ts'
import { defineAppSetup } from '@slidev/types'
import { handOverFirstScreen } from './first-screen.ts'

export default defineAppSetup(({ router }) => {
  // With `download: true`, Slidev's download button fetches `${exportFilename}.pdf` relative to the
  // page, which is right on /deck/5 but not on /deck/presenter/5 (it would save index.html as a
  // .pdf). The build writes the PDF at the base path, so point the button there.
  if (configs.download === true && configs.exportFilename)
    configs.download = `${import.meta.env.BASE_URL}${configs.exportFilename}.pdf`
  handOverFirstScreen(router)
})
