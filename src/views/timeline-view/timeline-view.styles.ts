import { css } from 'lit';

export const styles = css`
  :host { display: block; position: relative; }
  /* Over the axis: the phase bands (revealed up to the playhead, each with its tooltip), then the deployment markers. */
  /* overflow: visible on every SVG whose marks change while scrubbing (a phase label, a span):
     an SVG that clips its overflow (the default) gets a clip node that Chromium updates at each
     relayout of its content, and then works out the page's compositing layers again (~2 ms a
     frame at 1,000 targets). Their boxes clip them where needed (.reveal, .scroll). */
  svg.phases-layer, svg.marks, svg.lanes { overflow: visible; }
  svg.phases-layer { pointer-events: auto; cursor: col-resize; }
  svg.markers-layer { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; }
  .axis { display: block; overflow: visible; cursor: col-resize; }
  svg.lanes { cursor: col-resize; }
  .axis text { font-size: 11px; fill: #5b6577; font-variant-numeric: tabular-nums; }
  .axis .domain { stroke: #c9d0dc; }
  .phase rect { stroke-width: 1; }
  .phase.batch rect { fill: #e6edf7; stroke: #7c93b5; }
  .phase.wait rect { fill: #f6eedc; stroke: #c9a35a; stroke-dasharray: 3 2; }
  .phase.traffic-shift rect { fill: #dff0fa; stroke: #56B4E9; }
  .phase.rollback rect, .phase.rollback.batch rect, .phase.rollback.wait rect { fill: url(#rollback-stripes); stroke: #CC79A7; stroke-dasharray: none; }
  .phase text { font-size: 10px; fill: #1d2330; font-weight: 600; pointer-events: none; }
  .phase.rollback text { fill: #5e1f45; paint-order: stroke; stroke: #f6e3ee; stroke-width: 3px; }
  .marker line { stroke: #5b6577; stroke-width: 1.5; }
  .marker path { fill: #5b6577; }
  .marker.rollback line { stroke: #a0457a; stroke-width: 2; }
  .marker.rollback path { fill: #a0457a; }
  .marker text { font-size: 10.5px; font-weight: 700; fill: #1d2330; paint-order: stroke; stroke: #fff; stroke-width: 3px; }
  .marker.rollback text { fill: #7a2f5c; }
  .marker-line { stroke: #5b6577; stroke-width: 1; stroke-dasharray: 4 3; pointer-events: none; }
  .marker-line.rollback { stroke: #a0457a; stroke-width: 2; }
  .axis line { stroke: #c9d0dc; }
  .scroll {
    position: relative;
    overflow-y: auto;
    overflow-x: hidden;
    max-height: var(--timeline-max-height, 320px);
    border-top: 1px solid #e3e7ee;
    border-bottom: 1px solid #e3e7ee;
    /* What changes in the lanes is laid out and painted without touching the page around them. */
    contain: content;
  }
  .spacer { position: relative; }
  svg.lanes { position: absolute; left: 0; display: block; }
  /* The spans' layer, over the lanes: only a step takes the pointer (its tooltip, a tap shows its
     details); elsewhere the lane below gets it (focus, seeking). Its box reveals the spans up to the playhead. */
  svg.marks { pointer-events: none; cursor: col-resize; }
  svg.marks rect.span { pointer-events: visiblePainted; }
  .group-row rect.band { fill: #f3f5f9; }
  .group-row text { font-size: 11.5px; font-weight: 650; fill: #343c4c; }
  .group-row { cursor: pointer; }
  .group-row:focus-visible rect.band { stroke: #0072B2; stroke-width: 2; }
  .lane text.label { font-size: 11px; fill: #343c4c; font-variant-numeric: tabular-nums; }
  .lane line.track { stroke: #eef0f4; }
  .span { shape-rendering: crispEdges; }
  .span.failed { stroke: #D55E00; stroke-width: 1.5; }
  .span.reserved { fill-opacity: 0.55; }
  .span.rollback { stroke: #7a2f5c; stroke-width: 1.2; stroke-dasharray: 3 1.5; }
  .lane rect.focus-ring { fill: transparent; stroke: none; }
  .lane:focus { outline: none; }
  .lane:focus-visible rect.focus-ring { stroke: #0072B2; stroke-width: 2; }
  .popover {
    position: absolute; z-index: 2; width: 300px; background: #fff; border: 1px solid #b9c2d0; border-radius: 8px;
    box-shadow: 0 4px 14px rgba(20, 30, 50, 0.18); padding: 6px 26px 6px 9px; font-size: 12px; line-height: 1.45;
  }
  .popover .close { position: absolute; top: 3px; right: 3px; padding: 0 5px; font-size: 11px; border: none; }
  .popover .who { color: #5b6577; }
  .popover .status { font-weight: 700; }
  .popover .status.Failed { color: #8f3500; }
  .popover .status.InProgress { color: #004f7c; }
  .span.skipped { fill-opacity: 0.25; stroke: #8a93a3; stroke-dasharray: 2 2; }
  .span-label { font-size: 9.5px; fill: #1d2330; pointer-events: none; }
  .span-label.on-dark { fill: #fff; }
  .fail-mark { font-size: 12px; font-weight: 800; fill: #D55E00; pointer-events: none; }
  div.playhead { position: absolute; left: -0.75px; top: 0; width: 1.5px; background: #1d2330; pointer-events: none; will-change: transform; }
  .playhead-knob { fill: #1d2330; }
  .legend { display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 11.5px; color: #414a5a; margin: 6px 0 2px; padding-left: 4px; }
  .legend span.sw { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: -1px; }
  .legend span.sw.reserved { background: #7f7f7f; opacity: 0.5; }
  .legend span.sw.rollback { background: repeating-linear-gradient(-45deg, #CC79A7 0 2px, #f6e3ee 2px 5px); border: 1.5px dashed #7a2f5c; }
  .legend span.sw.failed { background: repeating-linear-gradient(45deg, #D55E00 0 2px, #fff 2px 4px); border: 1.5px solid #D55E00; }
  .hint { font-size: 11px; color: #6b7587; padding: 2px 4px; }
`;
