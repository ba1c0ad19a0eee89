import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  figure { margin: 0 0 4px; }
  figcaption { display: flex; gap: 12px; align-items: baseline; font-size: 12px; padding-left: 6px; min-height: 18px; }
  .title { font-weight: 650; color: #343c4c; width: 130px; flex: none; }
  .now { display: flex; gap: 10px; color: #414a5a; font-variant-numeric: tabular-nums; }
  .test { color: #5b6577; font-style: italic; }
  .chip .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
  svg { display: block; overflow: visible; }
  g.y text { font-size: 10px; fill: #6b7587; }
  g.y .domain, g.y line { stroke: #c9d0dc; }
  rect.plot { fill: #f6f7fa; }
  .playhead { stroke: #1d2330; stroke-width: 1.5; }
`;
