import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  figure { margin: 0 0 4px; }
  figcaption { display: flex; gap: 12px; align-items: baseline; font-size: 12px; padding-left: 6px; min-height: 18px; }
  .title { font-weight: 650; color: #343c4c; min-width: 130px; flex: none; }
  .now { display: flex; gap: 10px; color: #414a5a; font-variant-numeric: tabular-nums; }
  .test { color: #5b6577; font-style: italic; }
  .chip .sw { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
  .plot-area { position: relative; }
  .plot-area svg { display: block; overflow: visible; }
  .plot-area svg.base, .plot-area svg.over { position: absolute; left: 0; top: 0; }
  .plot-area svg.over { pointer-events: none; }
  g.y text { font-size: 10px; fill: #6b7587; }
  g.y .domain, g.y line { stroke: #c9d0dc; }
  rect.plot { fill: #f6f7fa; }
  .downtime rect { fill: rgba(213, 94, 0, 0.10); stroke: #D55E00; stroke-dasharray: 4 3; }
  .downtime text { font-size: 11px; font-weight: 700; fill: #8f3500; text-anchor: middle; }
  .down-now { color: #8f3500; font-weight: 700; }
  .min-healthy line { stroke: #1d2330; stroke-width: 1.2; stroke-dasharray: 5 3; }
  .min-healthy text { font-size: 10px; fill: #1d2330; paint-order: stroke; stroke: #f6f7fa; stroke-width: 3px; }
  .min-key { color: #1d2330; }
  .min-key .dash { display: inline-block; width: 16px; border-top: 2px dashed #1d2330; margin-right: 4px; vertical-align: 3px; }
  .band-name { font-size: 10.5px; font-weight: 700; fill: #1d2330; pointer-events: none; }
  .band-name.on-dark { fill: #fff; }
  div.playhead { position: absolute; left: -0.75px; top: 0; width: 1.5px; background: #1d2330; pointer-events: none; will-change: transform; }
`;
