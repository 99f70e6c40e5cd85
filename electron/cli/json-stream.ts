/**
 * A JSON document written in pieces, byte for byte what `JSON.stringify(doc, null, 2)` would
 * give, so a report of 100,000 checked rows never exists as one string (issue 13: a 69 MB string,
 * 830 MiB peak). The top-level object's fields are written one after another; a field given as
 * `streamed(items)` is an array written element by element, each element made only when its turn
 * comes (so the caller can build each from the database and let it go).
 */

/** An array field whose elements are produced and written one at a time. */
export class StreamedArray {
  readonly items: Iterable<unknown>;

  constructor(items: Iterable<unknown>) {
    this.items = items;
  }
}

export function streamed(items: Iterable<unknown>): StreamedArray {
  return new StreamedArray(items);
}

/** JSON.stringify(value, null, 2), indented to sit `depth` levels deep (its newlines are all structural: strings escape theirs). */
function nested(value: unknown, depth: number): string | undefined {
  const json = JSON.stringify(value, null, 2) as string | undefined;
  return json === undefined ? undefined : json.replaceAll('\n', `\n${'  '.repeat(depth)}`);
}

/**
 * Writes `fields` as one JSON object through `write`, which may return a promise (a stream's drain)
 * to hold back the next piece. Fields whose value is undefined are left out, as JSON.stringify does.
 */
export async function writeJsonObject(write: (chunk: string) => void | Promise<void>, fields: readonly (readonly [string, unknown])[]): Promise<void> {
  const present = fields.filter(([, value]) => value !== undefined && nested(value instanceof StreamedArray ? [] : value, 1) !== undefined);
  if (present.length === 0) {
    await write('{}');
    return;
  }
  await write('{');
  for (const [i, [key, value]] of present.entries()) {
    const head = `${i === 0 ? '' : ','}\n  ${JSON.stringify(key)}: `;
    if (!(value instanceof StreamedArray)) {
      await write(`${head}${nested(value, 1) ?? ''}`);
      continue;
    }
    let count = 0;
    for (const item of value.items) {
      // An element JSON cannot hold (undefined, a function) is written as null, as in an array.
      await write(`${count === 0 ? `${head}[` : ','}\n    ${nested(item, 2) ?? 'null'}`);
      count += 1;
    }
    await write(count === 0 ? `${head}[]` : '\n  ]');
  }
  await write('\n}');
}
