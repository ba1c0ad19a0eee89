// The snippets embed.html shows, and how its iframe URL maps to the element's
// attributes. Pure, tested in Node.

/** The element's attributes from embed.html's query, or undefined when the page should show its examples. */
export function iframeParams(params: URLSearchParams): Record<string, string> | undefined {
  const src = params.get('src');
  if (!src) return undefined;
  const out: Record<string, string> = { src };
  const time = params.get('time') ?? params.get('t');
  if (time !== null) out.time = time;
  for (const flag of ['autoplay', 'controls']) {
    const v = params.get(flag);
    if (v !== null && v !== '0' && v !== 'false') out[flag] = '';
  }
  return out;
}

/** `site` is the URL of the folder that holds the build (ends with "/"). */
export function elementSnippet(site: string): string {
  return [
    `<script type="module" src="${site}deploy-simulator.js"></script>`,
    ``,
    `<deploy-simulator src="${site}scenarios/elastic-beanstalk/rolling.json" time="60" controls></deploy-simulator>`,
  ].join('\n');
}

export function iframeSnippet(site: string): string {
  const url = `${site}embed.html?src=${encodeURIComponent('scenarios/elastic-beanstalk/rolling.json')}&time=60&controls`;
  return `<iframe src="${url}" title="deploysim: Elastic Beanstalk Rolling deployment" width="100%" height="720" style="border:0"></iframe>`;
}
