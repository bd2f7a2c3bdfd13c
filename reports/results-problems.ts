/**
 * The schema's issues as short problems, "path: what is wrong", in the words the results
 * file's reader knows: `cells[3].throughput is missing`, `contexts["a"].runtime should be
 * a string, found null`. ResultsFileError shows the first few on one line.
 */
import type * as v from 'valibot';
import { isRecord } from './is-record.js';

type Issue = v.BaseIssue<unknown>;
type PathItem = v.IssuePathItem;

/** One problem per issue, in file order, the same problem said once. */
export function problemsOf(issues: readonly Issue[], schema: unknown): string[] {
  return [...new Set(issues.map((issue) => problemOf(issue, schema)))];
}

function problemOf(issue: Issue, schema: unknown): string {
  const path = issue.path ?? [];
  const last = path.at(-1);
  const parent = path.slice(0, -1);
  // A variant (the study block's kinds) given an array finds no kind in it: the array is the problem.
  if (issue.type === 'variant' && last && Array.isArray(last.input)) {
    return `${pathText(parent, schema)} should be an object, found an array`;
  }
  // valibot takes an array for an object, then misses each field: the array is the problem.
  if (issue.type === 'object' && last?.origin === 'key') {
    return Array.isArray(last.input)
      ? `${pathText(parent, schema)} should be an object, found an array`
      : `${pathText(path, schema)} is missing`;
  }
  // An item past the end of a fixed-length tuple.
  if (issue.expected === 'never' && last && Array.isArray(last.input)) {
    return `${pathText(parent, schema)} should be ${issue.message}, found ${last.input.length} items`;
  }
  // A range or order check (results-schema.ts gives each its words): the value had the right type.
  if (issue.kind === 'validation') {
    const found = typeof issue.input === 'number' ? `, found ${issue.input}` : '';
    return `${pathText(path, schema)} should be ${issue.message}${found}`;
  }
  const literals = literalsOf(issue.expected);
  // Schemas given a message (records, the ci95 pair) say what they expect in it.
  const expected = MESSAGED.has(issue.type) ? issue.message : literals ? listed(literals) : article(issue.expected);
  const found = literals ? (JSON.stringify(issue.input) ?? 'nothing') : describe(issue.input);
  return `${pathText(path, schema)} should be ${expected}, found ${found}`;
}

const MESSAGED = new Set(['custom', 'strict_tuple']);

/**
 * `"a"`, `("a" | "b")` or `true`: the values a literal, picklist or variant key accepts. A
 * variant whose options' keys are picklists nests them, `(("a" | "b") | "c")`: every
 * option's own parentheses go.
 */
function literalsOf(expected: string | null): string[] | undefined {
  if (expected === null) return undefined;
  const options = expected.split(' | ').map((option) => option.replace(/^\(+/, '').replace(/\)+$/, ''));
  return options.every((option) => /^".*"$|^(true|false|null|-?\d[\d.e+-]*)$/.test(option)) ? options : undefined;
}

const listed = (options: string[]): string =>
  options.length < 2 ? options.join('') : `${options.slice(0, -1).join(', ')} or ${options.at(-1)}`;

const article = (expected: string | null): string => {
  const type = (expected ?? 'something else').toLowerCase();
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
};

export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** `cells[3].throughput`, `context.timingEnv["NODE_OPTIONS"]`; the root is "the top level". */
function pathText(path: readonly PathItem[], schema: unknown): string {
  let text = '';
  let at = schema;
  for (const item of path) {
    const step = descend(at, item.key);
    if (typeof item.key === 'number') text += `[${item.key}]`;
    else if (step.recordKey) text += `[${JSON.stringify(item.key)}]`;
    else text += text === '' ? String(item.key) : `.${String(item.key)}`;
    at = step.schema;
  }
  return text === '' ? 'the top level' : text;
}

// Walks the schema beside the path only to tell a record's key (["key"]) from a field
// (.key): valibot reports both as object path items.

function field(value: unknown, key: unknown): unknown {
  if (Array.isArray(value) && typeof key === 'number') return value[key];
  return isRecord(value) && typeof key === 'string' && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The schema that shapes the value: inside optional and nullable, and a pipe's last schema. */
function unwrap(schema: unknown): unknown {
  let at = schema;
  for (;;) {
    const pipe = field(at, 'pipe');
    if (field(at, 'type') === 'optional' || field(at, 'type') === 'nullable') at = field(at, 'wrapped');
    else if (Array.isArray(pipe) && pipe.length > 1) at = pipe.filter((item: unknown) => field(item, 'kind') === 'schema').at(-1);
    else return at;
  }
}

/** A variant's object options, nested variants flattened. */
function optionsOf(variant: unknown): unknown[] {
  const options = field(variant, 'options');
  if (!Array.isArray(options)) return [];
  return options.flatMap((option: unknown) => (field(option, 'type') === 'variant' ? optionsOf(option) : [option]));
}

function descend(schema: unknown, key: unknown): { schema: unknown; recordKey: boolean } {
  const at = unwrap(schema);
  switch (field(at, 'type')) {
    case 'record':
      return { schema: field(at, 'value'), recordKey: true };
    case 'array':
      return { schema: field(at, 'item'), recordKey: false };
    case 'tuple':
    case 'strict_tuple':
      return { schema: field(field(at, 'items'), key), recordKey: false };
    case 'variant': {
      // The cells' options agree on which of their fields are records (none are), so any
      // option holding the field leads to the right kind of schema.
      const option = optionsOf(at).find((candidate) => field(field(candidate, 'entries'), key) !== undefined);
      return { schema: field(field(option, 'entries'), key), recordKey: false };
    }
    default:
      return { schema: field(field(at, 'entries'), key), recordKey: false };
  }
}
