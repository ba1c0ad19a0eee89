// Builds traces in the browser (the engine is pure) and mounts components.
import { simulate } from '../../src/engine/simulate.ts';
import { validateScenario } from '../../src/scenario/validate.ts';
import { buildIndex, type TraceIndex } from '../../src/layout/frame.ts';

export function indexOf(raw: Record<string, unknown>): TraceIndex {
  const v = validateScenario({ name: 'test', description: 'test', ...raw });
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return buildIndex(simulate(v.scenario));
}

export const rolling = (faults: unknown[] = [{ type: 'UnhealthyInstance', target: 'i-3' }]) =>
  indexOf({
    platform: 'ElasticBeanstalk',
    elasticBeanstalk: { instances: 6, DeploymentPolicy: 'Rolling', BatchSizeType: 'Fixed', BatchSize: 2, Timeout: 600 },
    faults,
  });

export function mount<T extends HTMLElement>(tag: string, props: Record<string, unknown> = {}, width = 1000): T {
  const el = document.createElement(tag) as T;
  Object.assign(el, props);
  el.style.display = 'block';
  el.style.width = `${width}px`;
  document.body.append(el);
  return el;
}

export async function settle(el: HTMLElement & { updateComplete?: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
  await el.updateComplete;
}

export function cleanup(): void {
  document.body.replaceChildren();
}
