import { css } from 'lit';

export const styles = css`
  :host { display: block; font-size: 12px; }
  h2 .hint { text-transform: none; letter-spacing: 0; font-weight: 400; color: #5f6b7c; margin-left: 6px; }
  .charts { display: flex; flex-wrap: wrap; gap: 12px 20px; align-items: flex-start; }
  figure { margin: 0; min-width: 0; }
  figure.orchestrator { flex: 1 1 300px; }
  .scroll { max-height: 640px; overflow: auto; }
  figure.lifecycle { flex: none; }
  figcaption { font-size: 12px; color: #2d3546; margin-bottom: 4px; line-height: 1.5; }
  figcaption target-picker { font-size: 12px; max-width: 240px; display: inline-block; vertical-align: middle; }
  code { font-size: 11px; background: #eef1f6; border-radius: 3px; padding: 0 3px; }
  .note, .unknown { color: #6b7587; }
  .unknown { color: #a33f00; }
  svg.chart { display: block; max-width: 100%; height: auto; overflow: visible; }
  g.state rect { fill: #fff; stroke: #9aa3b2; stroke-width: 1.2; }
  g.state text { font-size: 11px; fill: #1d2330; pointer-events: none; }
  g.state.final rect { fill: #f4f6fa; stroke-width: 2.2; }
  g.state.compound rect, g.state.parallel rect { stroke-dasharray: 4 3; fill: rgba(240, 244, 250, 0.5); }
  g.state.compound text, g.state.parallel text { font-size: 10px; fill: #5b6577; font-weight: 650; }
  g.state.contains-active text { fill: #00466e; }
  g.state.was rect { stroke: #56B4E9; stroke-width: 1.8; }
  g.state.contains-active rect { stroke: #0072B2; stroke-dasharray: none; }
  g.state.active rect { fill: #0072B2; stroke: #003f63; stroke-width: 2; }
  g.state.active text { fill: #fff; font-weight: 700; }
  g.edge path { fill: none; stroke: #b7bfcc; stroke-width: 1.2; }
  g.edge text { font-size: 9.5px; fill: #7a8496; }
  g.edge.leaving path { stroke: #0072B2; stroke-width: 1.6; }
  g.edge.leaving text { fill: #00466e; font-weight: 650; }
  g.edge.taken path { stroke: #E69F00; stroke-width: 2.6; }
  g.edge.taken text { fill: #8a5a00; font-weight: 700; }
  marker path.head { fill: #8a93a3; }
  marker path.head.leaving { fill: #0072B2; }
  marker path.head.taken { fill: #E69F00; }
  .leaves { margin: 6px 0 0; font-size: 12px; color: #2d3546; }
  .leaves .exit { white-space: nowrap; }
  b.current { color: #00466e; }
`;
