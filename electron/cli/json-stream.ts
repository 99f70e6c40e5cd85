/**
 * A JSON document written in pieces, byte for byte what `JSON.stringify(doc, null, 2)` would
 * give, so a report of 100,000 checked rows never exists as one string (issue 13: a 69 MB string,
 * 830 MiB peak). Objects and arrays are walked and written as they are reached; an object or array
 * holding only plain values (a row's cells, a mapping) is stringified whole, which is small. A
 * field given as `streamed(items)` is an array whose elements are made only when their turn comes
 * (so the caller can build each from the database and let it go).
 */

/** An array whose elements are produced and written one at a time. */
export class StreamedArray {
  readonly items: Iterable<unknown>;

  constructor(items: Iterable<unknown>) {
    this.items = items;
  }
}

export function streamed(items: Iterable<unknown>): StreamedArray {
  return new StreamedArray(items);
}

/** Pieces are gathered up to this size before each write. */
const CHUNK_CHARS = 64 * 1024;

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** The value JSON.stringify serialises in place of `value` (its toJSON, as a Date has). */
function resolved(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(key: string): unknown }).toJSON(key);
  return value;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !(value instanceof Number || value instanceof String || value instanceof Boolean);
}

/** An object or array none of whose values is itself an object or array: cheap to stringify whole. */
function isFlat(value: object): boolean {
  if (value instanceof StreamedArray) return false;
  for (const v of Array.isArray(value) ? value : Object.values(value)) if (isContainer(v) && !(v instanceof Date)) return false;
  return true;
}

function* pieces(value: unknown, indent: string): Generator<string> {
  if (!isContainer(value) || isFlat(value)) {
    // Nested newlines in JSON.stringify's output are all structural (strings escape theirs).
    yield JSON.stringify(value, null, 2).replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (value instanceof StreamedArray || Array.isArray(value)) {
    let count = 0;
    const items: Iterable<unknown> = value instanceof StreamedArray ? value.items : value;
    for (const item of items) {
      const element = resolved(item, String(count));
      yield count === 0 ? `[\n${inner}` : `,\n${inner}`;
      if (omitted(element)) yield 'null';
      else yield* pieces(element, inner);
      count += 1;
    }
    yield count === 0 ? '[]' : `\n${indent}]`;
    return;
  }
  let count = 0;
  for (const key of Object.keys(value)) {
    const field = resolved((value as Record<string, unknown>)[key], key);
    if (omitted(field)) continue;
    yield `${count === 0 ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    yield* pieces(field, inner);
    count += 1;
  }
  yield count === 0 ? '{}' : `\n${indent}}`;
}

/**
 * Writes `fields` as one JSON object through `write`, which may return a promise (a stream's drain)
 * to hold back the next piece. Fields whose value is undefined are left out, as JSON.stringify does.
 */
export async function writeJsonObject(write: (chunk: string) => void | Promise<void>, fields: readonly (readonly [string, unknown])[]): Promise<void> {
  let buffer = '';
  for (const piece of pieces(Object.fromEntries(fields), '')) {
    buffer += piece;
    if (buffer.length >= CHUNK_CHARS) {
      await write(buffer);
      buffer = '';
    }
  }
  await write(buffer);
}
