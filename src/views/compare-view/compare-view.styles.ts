import { css } from 'lit';

export const styles = css`
  :host { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  .card { background: #fff; border: 1px solid #dde2ea; border-radius: 10px; padding: 10px 12px; }
  h2 .hint { text-transform: none; letter-spacing: 0; font-weight: 400; color: #6b7587; margin-left: 6px; }
  h3 { font-size: 13px; margin: 8px 0 4px; }
  fieldset.picks { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 6px; }
  fieldset.picks legend { font-size: 13px; color: #4b5563; margin-bottom: 6px; }
  fieldset.picks label { display: inline-flex; align-items: center; gap: 6px; border: 1px solid #c9d0dc; border-radius: 999px; padding: 3px 10px 3px 6px; font-size: 13px; cursor: pointer; }
  fieldset.picks label.on { border-color: #0072B2; background: #e8f2fa; font-weight: 600; }
  .controls { display: flex; flex-direction: column; gap: 8px; }
  .inject { display: flex; align-items: center; flex-wrap: wrap; gap: 8px; font-size: 13px; }
  button.primary { background: #0072B2; border-color: #0072B2; color: #fff; font-weight: 600; }
  button.primary:hover:not(:disabled) { background: #005b8f; }
  .note { font-size: 13px; color: #5b6577; }
  .legend { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; font-size: 13px; margin-bottom: 4px; }
  .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
  .legend .hint { color: #6b7587; font-size: 12px; }
  svg.axis { display: block; max-width: 100%; }
  .tick { font-size: 12px; fill: #4b5563; }
  .axis-line { stroke: #9ca3af; }
  .run-title { font-size: 13.5px; font-weight: 700; fill: #111827; }
  .status { font-size: 12px; fill: #374151; }
  .invalid { font-size: 12.5px; fill: #8a2b00; }
  .axis-label { font-size: 11px; fill: #6b7587; }
  .chart-bg { fill: #f7f8fa; stroke: #e5e7eb; }
  .phase.rollback { stroke: #8a2b00; stroke-dasharray: 3 2; }
  .phase-label { font-size: 11px; fill: #1b2330; pointer-events: none; }
  .ended { stroke: #9ca3af; stroke-dasharray: 4 3; }
  .playhead { stroke: #dc2626; stroke-width: 2; }
  .fork { border-top: 1px solid #e5e7eb; margin-top: 6px; font-size: 13px; }
  .fork ul { margin: 0; padding-left: 18px; }
  .detail { color: #5b6577; font-size: 12px; }
  /* The measured table beside AWS's where there is room for both; one above the other otherwise. */
  .tables { display: grid; grid-template-columns: minmax(0, 1fr); gap: 12px; }
  .tables .card { overflow-x: auto; }
  @media (min-width: 1700px) { .tables { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
  table { border-collapse: collapse; width: 100%; font-size: 12.5px; }
  th, td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  thead th { font-size: 11.5px; color: #4b5563; font-weight: 650; }
  tbody th { font-weight: 600; }
  tr.picked { background: #e8f2fa; }
  .source { font-size: 12px; color: #5b6577; }
  .changes { font-size: 12.5px; margin-top: 8px; }
  .changes ul { margin: 4px 0 0; padding-left: 18px; }
`;
