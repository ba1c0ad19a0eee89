import { describe, expect, it } from 'vitest';
import { explainEvent } from '../../src/layout/why.ts';
import { RULES } from '../../src/aws/rules.ts';
import { UNDOCUMENTED } from '../../src/aws/undocumented.ts';
import type { TraceEvent } from '../../src/trace/types.ts';

const event = (extra: Partial<TraceEvent>): TraceEvent => ({ t: 103, type: 'batch-started', message: 'Batch 2 of 3: i-3, i-4', ...extra });

describe('explainEvent', () => {
  it('gives the AWS rule in plain words with its documentation page', () => {
    const x = explainEvent(event({ rule: 'eb.rolling-batch' }));
    expect(x.reasons).toEqual([{ kind: 'rule', rule: { id: 'eb.rolling-batch', ...RULES['eb.rolling-batch'] } }]);
    expect(x.reasons[0]!.kind === 'rule' && x.reasons[0]!.rule.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/elasticbeanstalk\//);
  });

  it("says when the event follows deploysim's own choice where AWS is silent", () => {
    const x = explainEvent(event({ undocumented: 'percentageRounding' }));
    expect(x.reasons).toEqual([{ kind: 'undocumented', id: 'percentageRounding', choice: UNDOCUMENTED.percentageRounding }]);
  });

  it('gives both when an event applies a rule in a way AWS leaves open', () => {
    const kinds = explainEvent(event({ rule: 'cd.ready-wait', undocumented: 'readyTimeout' })).reasons.map((r) => r.kind);
    expect(kinds).toEqual(['rule', 'undocumented']);
  });

  it('has no reasons for plain narration', () => {
    expect(explainEvent(event({})).reasons).toEqual([]);
  });

  it('reports ids its catalogues lack instead of reading them off the prototype', () => {
    const x = explainEvent(event({ rule: 'constructor' as never, undocumented: 'toString' }));
    expect(x.reasons).toEqual([
      { kind: 'unknown-rule', id: 'constructor' },
      { kind: 'unknown-undocumented', id: 'toString' },
    ]);
  });
});
