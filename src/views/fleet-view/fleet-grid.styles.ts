import { css } from 'lit';

// The compact grid: a canvas with a focus ring and a tooltip laid over it (both moved, never re-created).
export const gridStyles = css`
  .grid { position: relative; width: fit-content; border-radius: 2px; }
  .grid canvas { display: block; }
  .grid:focus { outline: none; }
  .grid:focus-visible { outline: 2px solid #0072B2; outline-offset: 3px; }
  .grid .ring {
    position: absolute; left: 0; top: 0; width: 9px; height: 9px; box-sizing: border-box;
    border: 2px solid #0072B2; box-shadow: 0 0 0 1px #fff; border-radius: 2px; pointer-events: none;
  }
  .grid .tip {
    position: absolute; z-index: 2; pointer-events: none; width: max-content;
    font-size: 11.5px; line-height: 1.3; padding: 3px 7px; border-radius: 5px;
    background: #1d2330; color: #fff; box-shadow: 0 2px 6px rgba(20, 30, 50, 0.25);
    unicode-bidi: isolate;
  }
  .grid .ring[hidden], .grid .tip[hidden] { display: none; }
`;
