import { css } from 'lit';

export const styles = css`
  :host { display: block; }
  .bar { display: flex; align-items: center; gap: 6px; flex-wrap: wrap; }
  button { min-width: 36px; height: 32px; display: inline-flex; align-items: center; justify-content: center; gap: 6px; }
  svg.icon { display: block; }
  button.primary { background: #0072B2; color: #fff; border-color: #0072B2; min-width: 92px; font-weight: 650; }
  button.primary:hover:not(:disabled) { background: #005b8f; }
  .scrub { flex: 1 1 240px; display: flex; }
  .scrub input { width: 100%; accent-color: #0072B2; }
  .time { font-variant-numeric: tabular-nums; font-size: 13px; min-width: 96px; text-align: center; }
  .speed, .skip { font-size: 12.5px; color: #343c4c; display: flex; align-items: center; gap: 5px; }
  .ff { font-size: 12px; color: #7a4d00; min-height: 18px; padding: 3px 2px 0; }
`;
