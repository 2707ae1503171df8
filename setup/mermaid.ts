import { defineMermaidSetup } from '@slidev/types'

// One look for every diagram, light or dark. Each block sets {theme: 'base'} (Mermaid's 'dark' theme
// ignores themeVariables); the colours are styles/deck.css's variables, which reach into Mermaid's
// shadow root, so switching the colour scheme restyles a diagram without drawing it again.
const themeCSS = `
  /* Mermaid 12's 'neo' look paints outlines with its own gradient and a shadow: use ours. */
  .node rect, .node circle, .node ellipse, .node polygon, .node path {
    fill: var(--diagram-node); stroke: var(--diagram-node-border) !important; stroke-width: 1.5px; filter: none !important;
  }
  .node.accent rect, .node.accent polygon, .node.accent path {
    fill: var(--diagram-accent); stroke: var(--diagram-accent-border) !important; stroke-width: 2.5px;
  }
  .node.muted rect, .node.muted polygon, .node.muted path {
    fill: var(--diagram-muted); stroke: var(--diagram-line) !important; stroke-dasharray: 5 4;
  }
  .nodeLabel, .nodeLabel p, .label, .cluster-label span, .edgeLabel, .edgeLabel p {
    color: var(--diagram-text); fill: var(--diagram-text);
  }
  .cluster rect { fill: var(--diagram-cluster); stroke: var(--diagram-cluster-border) !important; filter: none !important; }
  .cluster-label, .cluster-label span { font-weight: 600; color: var(--diagram-heading); }
  .label, .label p, .nodeLabel, .nodeLabel p, .edgeLabel, .edgeLabel p, .cluster-label, .cluster-label p { font-size: 22px; }
  .flowchart-link { stroke: var(--diagram-line) !important; stroke-width: 2px; }
  .marker, marker path { fill: var(--diagram-line) !important; stroke: var(--diagram-line) !important; }
  .edgeLabel, .edgeLabel p, .labelBkg { background-color: var(--diagram-label-bg) !important; }
  .section0, .section1, .section2, .section3 { fill: transparent; stroke: none; }
  .task, .task0, .task1, .task2, .task3 { fill: var(--diagram-node); stroke: var(--diagram-node-border); }
  .active0, .active1, .active2, .active3 { fill: var(--diagram-accent); stroke: var(--diagram-accent-border); }
  .taskText, .taskTextOutsideRight, .taskTextOutsideLeft, .sectionTitle, .sectionTitle0, .sectionTitle1, .titleText {
    fill: var(--diagram-text) !important; font-size: 22px !important;
  }
  .grid .tick text { display: none; }
  .grid .tick line, .grid path { stroke: var(--diagram-grid); }
`

export default defineMermaidSetup(() => {
  // The page's own font: Inter Variable on screen, Inter's static files in the exports.
  const fontFamily = getComputedStyle(document.body).fontFamily
  return {
    fontFamily,
    themeVariables: { fontSize: '22px', fontFamily },
    themeCSS,
    flowchart: { curve: 'basis', padding: 10, nodeSpacing: 28, rankSpacing: 22, wrappingWidth: 240 },
    // Gantt charts here compare durations, not dates: tall bars, large text, no date axis labels.
    // useWidth: the slide's content width, so the chart is drawn at the size it is shown.
    gantt: {
      useWidth: 860,
      barHeight: 36,
      barGap: 10,
      fontSize: 22,
      sectionFontSize: 22,
      leftPadding: 180,
      topPadding: 10,
      gridLineStartPadding: 10,
    },
  }
})
