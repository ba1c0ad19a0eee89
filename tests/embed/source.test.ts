import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchScenarioText, loadScenarioText, parseTime } from '../../src/embed/source.ts';
import { elementSnippet, iframeParams, iframeSnippet } from '../../src/embed/snippets.ts';

const SERVER = { name: 's', description: 'd', platform: 'CodeDeploy', versions: { from: 'v1', to: 'v2' }, codeDeploy: { computePlatform: 'Server', instances: 3 } };

afterEach(() => vi.unstubAllGlobals());

describe('embed source', () => {
  it('loads a valid scenario into a trace index', () => {
    const r = loadScenarioText(JSON.stringify(SERVER), 'x.json');
    expect(r.ok && r.index.targets.length).toBe(3);
  });

  it('reports problems with their paths, unreadable JSON, and fleets too large to draw', () => {
    const bad = loadScenarioText(JSON.stringify({ ...SERVER, codeDeploy: { computePlatform: 'Server', instances: 'many' } }), 'x.json');
    expect(!bad.ok && bad.error.title).toBe('The scenario from x.json has problems.');
    expect(!bad.ok && bad.error.problems!.some((p) => p.path.includes('instances'))).toBe(true);
    const unreadable = loadScenarioText('{', 'x.json');
    expect(!unreadable.ok && unreadable.error.problems!.length).toBeGreaterThan(0);
    const big = loadScenarioText(JSON.stringify({ ...SERVER, codeDeploy: { computePlatform: 'Server', instances: 6000 } }), 'big.json');
    expect(!big.ok && big.error.detail).toContain('The scenario from big.json has 6,000 instances');
  });

  it('turns HTTP errors, HTML pages and network failures into errors that name the URL', async () => {
    vi.stubGlobal('fetch', async () => new Response('nope', { status: 404, statusText: 'Not Found' }));
    const missing = await fetchScenarioText('https://e.test/a.json');
    expect(!missing.ok && `${missing.error.title} ${missing.error.detail}`).toBe('The scenario at https://e.test/a.json could not be loaded. The server answered 404 Not Found.');
    vi.stubGlobal('fetch', async () => new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }));
    const page = await fetchScenarioText('https://e.test/a.json');
    expect(!page.ok && page.error.detail).toContain('HTML page');
    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const down = await fetchScenarioText('https://e.test/a.json');
    expect(!down.ok && down.error.detail).toMatch(/^Failed to fetch\. .*CORS/);
    vi.stubGlobal('fetch', async () => new Response('{"a":1}', { headers: { 'content-type': 'application/json' } }));
    expect(await fetchScenarioText('https://e.test/a.json')).toEqual({ ok: true, text: '{"a":1}' });
  });

  it('reads time as a share link reads t: seconds ≥ 0, anything else reported', () => {
    expect(parseTime(null)).toEqual({ t: 0 });
    expect(parseTime('90.5')).toEqual({ t: 90.5 });
    expect(parseTime('-1').problem).toContain('time="-1"');
    expect(parseTime('1:30').t).toBe(0);
  });
});

describe('embed.html', () => {
  it('maps its iframe query to the element attributes', () => {
    expect(iframeParams(new URLSearchParams(''))).toBeUndefined();
    expect(iframeParams(new URLSearchParams('src=a.json&t=5&autoplay&controls=0'))).toEqual({ src: 'a.json', time: '5', autoplay: '' });
    expect(iframeParams(new URLSearchParams('src=a.json&time=7&controls=1'))).toEqual({ src: 'a.json', time: '7', controls: '' });
  });

  it('offers snippets with the site’s own URLs', () => {
    expect(elementSnippet('https://x.test/sim/')).toContain('<script type="module" src="https://x.test/sim/deploy-simulator.js"></script>');
    expect(iframeSnippet('https://x.test/sim/')).toContain('src="https://x.test/sim/embed.html?src=scenarios%2Felastic-beanstalk%2Frolling.json&time=60&controls"');
  });
});
