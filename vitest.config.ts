import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    vue(),
  ],
  // Slidev's client ships TypeScript sources and expects its build-time flags.
  define: { __DEV__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    server: {
      deps: {
        inline: [/@slidev\/client/],
      },
    },
  },
})
