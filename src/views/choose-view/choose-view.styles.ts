import { css } from 'lit';

export const styles = css`
  :host { display: flex; flex-direction: column; gap: 12px; min-width: 0; }
  .card { background: #fff; border: 1px solid #dde2ea; border-radius: 10px; padding: 10px 12px; }
  h2 .hint { text-transform: none; letter-spacing: 0; font-weight: 400; color: #6b7587; margin-left: 6px; }
  fieldset.constraints { border: 0; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 8px; }
  fieldset.constraints legend { font-size: 13px; color: #4b5563; margin-bottom: 6px; }
  fieldset.constraints label { display: flex; gap: 8px; align-items: flex-start; border: 1px solid #dde2ea; border-radius: 8px; padding: 8px; font-size: 13.5px; cursor: pointer; }
  fieldset.constraints label:has(input:checked) { border-color: #0072B2; background: #e8f2fa; }
  .how { display: block; color: #5b6577; font-size: 12px; margin-top: 2px; }
  table { border-collapse: collapse; width: 100%; font-size: 13px; }
  th, td { text-align: left; padding: 5px 6px; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  thead th { font-size: 12px; color: #4b5563; }
  tr.yes th { color: #065f46; }
  tr.no th { color: #6b7280; font-weight: 500; }
  td.ok .mark { color: #047857; font-weight: 800; }
  td.fail .mark { color: #b45309; font-weight: 800; }
  td.fail { color: #4b5563; }
  .src { display: inline-block; font-size: 11px; color: #374151; background: #eef1f5; border-radius: 4px; padding: 0 4px; margin-left: 2px; }
  .probe { font-size: 12.5px; color: #374151; background: #f6f8fb; border-left: 3px solid #0072B2; padding: 6px 10px; margin: 10px 0 0; max-width: 110ch; }
  .actions { display: flex; align-items: center; gap: 12px; margin-top: 10px; }
  button.primary { background: #0072B2; border-color: #0072B2; color: #fff; font-weight: 600; padding: 6px 14px; }
  button.primary:hover:not(:disabled) { background: #005b8f; }
  .note { font-size: 13px; color: #5b6577; }
`;
