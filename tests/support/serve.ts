// Serves the built deck the way a static host does: files as they are, and index.html for any
// other path, so that a deep link like /12 loads the SPA. Usage: node tests/support/serve.ts [port]
import { createServer } from 'node:http'
import { join } from 'node:path'
import sirv from 'sirv'
import { ROOT } from './essay.ts'

const port = Number(process.argv[2] ?? 4173)
const files = sirv(join(ROOT, 'dist'), { single: true, dev: false, etag: true })
createServer((req, res) => files(req, res)).listen(port, '127.0.0.1', () => {
  console.log(`deck served at http://127.0.0.1:${port}/`)
})
