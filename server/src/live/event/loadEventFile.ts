import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { eventConfigSchema, type EventConfig } from '@live-workshop/shared';

/** One problem in an event file, located by line and field. */
export interface EventFileProblem {
  readonly line: number | null;
  readonly field: string;
  readonly message: string;
}

/** An event file that does not describe a valid event. */
export class EventFileError extends Error {
  constructor(readonly file: string, readonly problems: readonly EventFileProblem[]) {
    super(`${file} is not a valid event:\n${problems.map((p) => `  line ${p.line ?? '?'}: ${p.field}: ${p.message}`).join('\n')}`);
  }
}

function nodeAt(root: YamlNode | null, path: readonly PropertyKey[]): YamlNode | null {
  let node: unknown = root;
  let found: YamlNode | null = root;
  for (const key of path) {
    if (isMap(node)) node = node.get(String(key), true);
    else if (isSeq(node)) node = node.get(Number(key), true);
    else break;
    if (node && typeof node === 'object' && 'range' in node) found = node as YamlNode;
    else break;
  }
  return found;
}

/** Parse and validate an event (YAML or JSON, which is YAML too). */
export function parseEventText(text: string, file = 'event'): EventConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    // Without prettyErrors the parser gives offsets only; the line counter turns them into lines.
    throw new EventFileError(file, doc.errors.map((e) => ({ line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, field: '(syntax)', message: e.message.split('\n')[0]! })));
  }
  const parsed = eventConfigSchema.safeParse(doc.toJS());
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const node = nodeAt(doc.contents as YamlNode | null, issue.path);
    const offset = node?.range?.[0];
    return {
      line: offset === undefined ? null : lineCounter.linePos(offset).line,
      field: issue.path.length ? issue.path.join('.') : '(root)',
      message: issue.message,
    };
  });
  throw new EventFileError(file, problems);
}

/** Read and validate an event file. */
export function loadEventFile(path: string): EventConfig {
  return parseEventText(readFileSync(path, 'utf8'), path);
}
