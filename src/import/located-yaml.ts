// Parses YAML or JSON (JSON is YAML 1.2) with the `yaml` library into plain values
// while remembering where every value and key starts, so any later check can say
// file:line:column. CloudFormation's short-form intrinsic tags (!Ref, !Sub, …)
// become their long form ({"Ref": …}, {"Fn::Sub": …}); any other tag is an error.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ImportProblem, Loc, Path } from './types.ts';

/** Short-form tag → long-form key (CloudFormation template reference, "Intrinsic function reference"). */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!FindInMap': 'Fn::FindInMap',
  '!GetAtt': 'Fn::GetAtt',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!Sub': 'Fn::Sub',
  '!Transform': 'Fn::Transform',
  '!And': 'Fn::And',
  '!Equals': 'Fn::Equals',
  '!If': 'Fn::If',
  '!Not': 'Fn::Not',
  '!Or': 'Fn::Or',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** A parsed file: its plain value and the position of every value and map key in it. */
export interface Source {
  file: string;
  value: unknown;
  /** Where the value at `path` starts (or its nearest located ancestor). */
  at(path: Path): Loc;
  /** Where the key of the map entry at `path` starts (the value's position for list items). */
  keyAt(path: Path): Loc;
}

export type Parsed = { ok: true; source: Source } | { ok: false; problems: ImportProblem[] };

const pointer = (path: Path) => path.map(String).join('\u0000');

export function parseLocated(file: string, text: string): Parsed {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const locate = (offset: number): Loc => {
    const p = lines.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  const problems: ImportProblem[] = doc.errors.map((e) => ({ ...locate(e.pos[0]), message: `not valid YAML or JSON: ${firstLine(e.message)}` }));
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED' && SHORT_TAGS[tagOf(w.message)] !== undefined) continue;
    problems.push({ ...locate(w.pos[0]), message: w.code === 'TAG_RESOLVE_FAILED' ? `unknown tag ${tagOf(w.message)}; expected a CloudFormation intrinsic function tag: ${Object.keys(SHORT_TAGS).join(', ')}` : firstLine(w.message) });
  }
  if (problems.length > 0) return { ok: false, problems };

  const values = new Map<string, Loc>();
  const keys = new Map<string, Loc>();
  const value = toPlain(doc, doc.contents as Node | null, [], { values, keys, locate, problems });
  if (problems.length > 0) return { ok: false, problems };
  const nearest = (table: Map<string, Loc>, path: Path): Loc => {
    for (let n = path.length; n >= 0; n--) {
      const hit = table.get(pointer(path.slice(0, n))) ?? values.get(pointer(path.slice(0, n)));
      if (hit) return hit;
    }
    return { file, line: 1, column: 1 };
  };
  return {
    ok: true,
    source: { file, value, at: (path) => nearest(values, path), keyAt: (path) => nearest(keys, path) },
  };
}

interface Walk {
  values: Map<string, Loc>;
  keys: Map<string, Loc>;
  locate: (offset: number) => Loc;
  problems: ImportProblem[];
}

function toPlain(doc: Document, node: Node | null, path: Path, w: Walk): unknown {
  if (node === null || node === undefined) return null;
  if (node.range) w.values.set(pointer(path), w.locate(node.range[0]));
  if (isAlias(node)) return toPlain(doc, node.resolve(doc) as Node | null, path, w);
  let plain: unknown;
  if (isMap(node)) {
    // User text is never a key of a plain {} (a key named "constructor" must stay data).
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number' && typeof keyNode.value !== 'boolean')) {
        w.problems.push({ ...w.locate(keyNode?.range?.[0] ?? node.range?.[0] ?? 0), message: 'a map key must be a plain string' });
        continue;
      }
      const key = String(keyNode.value);
      if (keyNode.range) w.keys.set(pointer([...path, key]), w.locate(keyNode.range[0]));
      out[key] = toPlain(doc, pair.value as Node | null, [...path, key], w);
      if (!w.values.has(pointer([...path, key])) && keyNode.range) w.values.set(pointer([...path, key]), w.locate(keyNode.range[0]));
    }
    plain = out;
  } else if (isSeq(node)) {
    plain = node.items.map((item, i) => toPlain(doc, item as Node | null, [...path, i], w));
  } else if (isScalar(node)) {
    plain = node.value;
  }
  const long = node.tag ? SHORT_TAGS[node.tag] : undefined;
  if (long === undefined) return plain;
  // !GetAtt Resource.Attribute is the one short form whose scalar splits into a list.
  if (long === 'Fn::GetAtt' && typeof plain === 'string') {
    const dot = plain.indexOf('.');
    return { [long]: dot < 0 ? [plain] : [plain.slice(0, dot), plain.slice(dot + 1)] };
  }
  return { [long]: plain };
}

function tagOf(message: string): string {
  return /Unresolved tag: (\S+)/.exec(message)?.[1] ?? '';
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}
