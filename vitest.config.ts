import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  // Slidev's client ships TypeScript sources and expects its build-time flags.
  define: { __DEV__: 'false' },
  resolve: {
    // The client's public entry loads the whole app and its virtual modules: a component under
    // test needs only the slide context, which is defined here.
    alias: [{ find: /^@slidev\/client$/, replacement: fileURLToPath(import.meta.resolve('@slidev/client/context.ts')) }],
  },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/support/slide-context.ts'],
    environment: 'node',
    // The test files share no state, so the workers reuse one environment rather than one per file.
    isolate: false,
    server: { deps: { inline: [/@slidev\/client/] } },
  },
})
