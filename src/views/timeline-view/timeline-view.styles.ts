import { css } from 'lit';

export const styles = css`
  :host { display: block; position: relative; }
  .axis { display: block; overflow: visible; cursor: col-resize; }
  svg.lanes { cursor: col-resize; }
  .axis text { font-size: 11px; fill: #5b6577; font-variant-numeric: tabular-nums; }
  .axis .domain { stroke: #c9d0dc; }
  .wait rect { fill: #f0e6d2; stroke: #c9a35a; stroke-dasharray: 3 2; }
  .axis .wait text { font-size: 9.5px; fill: #6b4f12; }
  .axis line { stroke: #c9d0dc; }
  .scroll {
    position: relative;
    overflow-y: auto;
    overflow-x: hidden;
    max-height: var(--timeline-max-height, 320px);
    border-top: 1px solid #e3e7ee;
    border-bottom: 1px solid #e3e7ee;
  }
  .spacer { position: relative; }
  svg.lanes { position: absolute; left: 0; display: block; }
  .group-row rect.band { fill: #f3f5f9; }
  .group-row text { font-size: 11.5px; font-weight: 650; fill: #343c4c; }
  .group-row { cursor: pointer; }
  .group-row:focus-visible rect.band { stroke: #0072B2; stroke-width: 2; }
  .lane text.label { font-size: 11px; fill: #343c4c; font-variant-numeric: tabular-nums; }
  .lane line.track { stroke: #eef0f4; }
  .span { shape-rendering: crispEdges; }
  .span.failed { stroke: #D55E00; stroke-width: 1.5; }
  .span.skipped { fill-opacity: 0.25; stroke: #8a93a3; stroke-dasharray: 2 2; }
  .span-label { font-size: 9.5px; fill: #1d2330; pointer-events: none; }
  .fail-mark { font-size: 12px; font-weight: 800; fill: #D55E00; pointer-events: none; }
  .playhead { stroke: #1d2330; stroke-width: 1.5; pointer-events: none; }
  .playhead-knob { fill: #1d2330; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 11.5px; color: #414a5a; margin: 6px 0 2px; padding-left: 4px; }
  .legend span.sw { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
  .legend span.sw.failed { background: repeating-linear-gradient(45deg, #D55E00 0 2px, #fff 2px 4px); border: 1.5px solid #D55E00; }
  .hint { font-size: 11px; color: #6b7587; padding: 2px 4px; }
`;
