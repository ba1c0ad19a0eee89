// Styles of quiz and presenter mode (attributes on the shell: [quiz], [presenter],
// [inject-open]). Quiz mode hides what gives answers away: the library (scenario
// descriptions), the JSON editor and the fault panel (the timed inputs).
// Presenter mode: large type, no side columns, one projector screen.
import { css } from 'lit';

export const modeStyles = css`
  .modes { display: flex; gap: 6px; flex: none; }
  .modes .mode { font-size: 12.5px; font-weight: 650; border-radius: 8px; padding: 5px 10px; }
  .modes .mode[aria-pressed='true'] { background: #0072B2; border-color: #0072B2; color: #fff; }
  .card.quiz { border: 2px solid #0072B2; }

  :host([quiz]) { grid-template-columns: minmax(0, 1fr) 360px; grid-template-areas: 'top top' 'main right'; }
  :host([quiz]) aside.left, :host([quiz]) .card.faults { display: none; }
  /* The statechart draws the whole machine and the lifecycle table lists pending hooks: both answer hook-order questions. */
  :host([quiz-hiding]) .card.statechart, :host([quiz-hiding]) .card.lifecycle { display: none; }
  /* The in-service chart draws the minimum healthy hosts line: the answer to "how many stay in service?". */
  :host([quiz-hiding]) capacity-charts { display: none; }

  :host([presenter]) { grid-template-columns: minmax(0, 1fr); grid-template-areas: 'top' 'main'; font-size: 18px; }
  :host([presenter]) aside.left, :host([presenter]) aside.right, :host([presenter]) .card.statechart,
  :host([presenter]) .card.lifecycle, :host([presenter]) .brand .tag, :host([presenter]) a.skip { display: none; }
  :host([presenter]) header.top { padding: 6px 14px; gap: 14px; }
  :host([presenter]) main { padding: 8px 14px; gap: 8px; }
  :host([presenter]) .card { padding: 8px 12px; }
  :host([presenter]) now-line, :host([presenter]) status-header { zoom: 1.3; }
  :host([presenter]) .card.timeline > h2 .hint { display: none; }
  /* One projector screen: the timeline, the fleet and the narration; the charts stay in the normal layout. */
  :host([presenter]) capacity-charts { display: none; }
  :host([presenter]) .card.timeline > h2, :host([presenter]) .card.fleet > h2 { margin-bottom: 2px; }
  :host([presenter]) quiz-panel { zoom: 1.2; }
  /* "Inject" in presenter mode: the fault panel floats over the page until Escape. */
  :host([presenter][inject-open]) aside.right { display: flex; position: fixed; right: 16px; top: 70px; bottom: 16px; width: 420px; z-index: 20; padding: 0; }
  :host([presenter][inject-open]) aside.right > :not(.faults) { display: none; }
  :host([presenter][inject-open]) .card.faults { max-height: 100%; box-shadow: 0 10px 40px rgba(0, 0, 0, 0.3); }
`;
