import { css } from 'lit';

export const embedStyles = css`
  :host {
    display: block; background: #f4f6fa; border: 1px solid #dde2ea; border-radius: 12px; padding: 10px;
    min-width: 0; max-width: 100%; overflow: hidden; container-type: inline-size;
  }
  .stack { display: flex; flex-direction: column; gap: 10px; min-width: 0; }
  .card { background: #fff; border: 1px solid #dde2ea; border-radius: 10px; padding: 8px 10px; min-width: 0; }
  .mini { display: flex; align-items: center; gap: 10px; flex-wrap: wrap; }
  .mini .name { font-weight: 700; flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .mini .clock { font-variant-numeric: tabular-nums; color: #3a4456; }
  .mini button { font-weight: 650; }
  .split { display: grid; grid-template-columns: minmax(0, 1fr); gap: 10px; }
  @container (min-width: 900px) {
    .split { grid-template-columns: minmax(0, 1fr) 300px; }
    .split event-log { --log-max-height: 420px; }
  }
  .status { padding: 16px; color: #3a4456; }
  .error { background: #fdf0e8; border: 1px solid #D55E00; border-radius: 10px; padding: 10px 12px; font-size: 13px; color: #5a2200; }
  .error ul { margin: 6px 0 0; padding-left: 18px; }
  .error code { font-weight: 700; }
  .error .detail { font-family: ui-monospace, monospace; font-size: 12px; margin-top: 4px; overflow-wrap: anywhere; }
  .notice { font-size: 12.5px; color: #5a2200; margin: 0; }
  h2 { margin: 0 0 6px; }
`;
