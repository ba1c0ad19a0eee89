// The YAML/JSON reader: every value and key keeps its line and column; CloudFormation
// short-form tags become their long form; broken input is a problem where it breaks.
import { describe, expect, it } from 'vitest';
import { parseLocated } from '../../src/import/located-yaml.ts';

function parsed(text: string) {
  const p = parseLocated('f.yaml', text);
  if (!p.ok) throw new Error(p.problems.map((x) => `${x.line}:${x.column}: ${x.message}`).join('\n'));
  return p.source;
}

describe('parseLocated', () => {
  it('remembers where each value and each key starts', () => {
    const src = parsed('a:\n  b: 3\n  list:\n    - x\n    - y: 1\n');
    expect(src.value).toEqual({ a: { b: 3, list: ['x', { y: 1 }] } });
    expect(src.at(['a', 'b'])).toEqual({ file: 'f.yaml', line: 2, column: 6 });
    expect(src.keyAt(['a', 'b'])).toEqual({ file: 'f.yaml', line: 2, column: 3 });
    expect(src.at(['a', 'list', 1, 'y'])).toMatchObject({ line: 5, column: 10 });
    // A path that does not exist points at its nearest ancestor.
    expect(src.at(['a', 'list', 1, 'missing'])).toMatchObject({ line: 5, column: 7 });
  });

  it('turns every short-form intrinsic tag into its long form', () => {
    const src = parsed(
      [
        'ref: !Ref Param',
        'sub: !Sub "${AWS::StackName}-x"',
        'subList: !Sub ["${A}-b", {A: !Ref P}]',
        'att: !GetAtt Role.Arn',
        'join: !Join [",", [a, b]]',
        'if: !If [IsProd, 1, 2]',
        'azs: !GetAZs ""',
        'cond: !Condition IsProd',
        'imp: !ImportValue shared',
        'sel: !Select [0, !GetAZs ""]',
      ].join('\n'),
    );
    expect(src.value).toEqual({
      ref: { Ref: 'Param' },
      sub: { 'Fn::Sub': '${AWS::StackName}-x' },
      subList: { 'Fn::Sub': ['${A}-b', { A: { Ref: 'P' } }] },
      att: { 'Fn::GetAtt': ['Role', 'Arn'] },
      join: { 'Fn::Join': [',', ['a', 'b']] },
      if: { 'Fn::If': ['IsProd', 1, 2] },
      azs: { 'Fn::GetAZs': '' },
      cond: { Condition: 'IsProd' },
      imp: { 'Fn::ImportValue': 'shared' },
      sel: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    });
  });

  it('reads JSON, tabs and all, with positions', () => {
    const src = parsed('{\n\t"a": {\n\t\t"b": [1, 2]\n\t}\n}');
    expect(src.value).toEqual({ a: { b: [1, 2] } });
    expect(src.at(['a', 'b', 1])).toMatchObject({ line: 3, column: 12 });
  });

  it('keeps user text as data: a key named constructor or __proto__ is an ordinary key', () => {
    const src = parsed('constructor: 1\n__proto__: 2\n');
    expect(Object.keys(src.value as object)).toEqual(['constructor', '__proto__']);
  });

  it.each([
    ['a: b\n c: d\n', 1, 4, /not valid YAML or JSON/],
    ['a: [1, 2\n', 2, 1, /not valid YAML or JSON/],
    ['a: 1\na: 2\n', 2, 1, /unique/],
    ['{"a": 1,, "b": 2}', 1, 9, /not valid YAML or JSON/],
    ['x: !Weird 1\n', 1, 4, /unknown tag !Weird; expected a CloudFormation intrinsic function tag/],
  ])('reports broken input %j at its line and column', (text, line, column, message) => {
    const p = parseLocated('f.yaml', text);
    expect(p.ok).toBe(false);
    if (p.ok) return;
    expect(p.problems[0]).toMatchObject({ file: 'f.yaml', line, column });
    expect(p.problems[0]!.message).toMatch(message);
  });
});
