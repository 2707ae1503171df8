import { defineMermaidSetup } from '@slidev/types'

// Same type as the slides, and text large enough to read from the back of a room.
export default defineMermaidSetup(() => ({
  fontFamily: '"Inter Variable", Inter, system-ui, sans-serif',
  themeVariables: {
    fontSize: '18px',
  },
}))
