/**
 * `node dist/scripts/benchmarks/value-codecs.js`: what carrying what real code returns costs,
 * per transport's codec, on this thread: a js-yaml-like document (records, arrays with nulls,
 * a Map, a Set, Dates and bigints) at three sizes, beside a Float64Array of the same data
 * bytes. Each codec's full round trip (encode, the bytes or message, decode) is timed as the
 * fastest of several batches. A benchmark, not a test: nothing here asserts a speed. The
 * threads and processes a real transport adds on top are what `bench study payload` measures.
 */
import { deserialize, serialize } from 'node:v8';
import { bytesOf } from '../../runners/cell/payload-figures.js';
import { fromWire, toWire } from '../../runners/transports/child/json-codec.js';
import { decode, encode, writeInto } from '../../runners/transports/shared-memory/binary-codec.js';
import type { Value } from '../../suites/suite.js';

function documentOf(services: number): Value {
  const records: Value[] = [];
  for (let i = 0; i < services; i++) {
    records.push({
      name: `service-${i}`,
      ports: [8000 + i, 443],
      env: i % 3 === 0 ? null : { LEVEL: 'info', REPLICAS: i % 5 },
      tags: ['web', i % 2 === 0 ? 'blue' : null],
      deployed: new Date(1_700_000_000_000 + i * 1000),
      quota: BigInt(i) << 40n,
    });
  }
  return { version: 3, services: records, owners: new Map([['team', new Set(['a', 'b'])]]) };
}

const codecs: Record<string, (value: Value) => Value> = {
  'structured clone (clone, transfer)': (value) => structuredClone(value),
  'v8 serializer (advanced)': (value) => deserialize(serialize(value)) as Value,
  'JSON codec (json)': (value) => fromWire(JSON.parse(JSON.stringify(toWire(value)))),
  'binary codec (shared-memory)': (value) => {
    const encoded = encode(value);
    const bytes = new Uint8Array(encoded.byteLength);
    writeInto(encoded, bytes);
    return decode(bytes);
  },
};

/** Fastest batch's time per call, ms: batches of at least 20 ms, 7 of them. */
function timePerCall(work: () => unknown): number {
  work();
  let calls = 1;
  while (true) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) work();
    if (performance.now() - start >= 20) break;
    calls *= 2;
  }
  let best = Number.POSITIVE_INFINITY;
  for (let batch = 0; batch < 7; batch++) {
    const start = performance.now();
    for (let i = 0; i < calls; i++) work();
    best = Math.min(best, (performance.now() - start) / calls);
  }
  return best;
}

const names = Object.keys(codecs);
console.log(`| payload | data bytes | ${names.join(' | ')} |`);
console.log(`|---|---:|${names.map(() => '---:').join('|')}|`);
for (const services of [10, 1000, 20_000]) {
  const document = documentOf(services);
  const flat = new Float64Array(Math.ceil(bytesOf(document) / 8));
  for (const [label, value] of [
    [`document, ${services} services`, document],
    [`Float64Array, ${flat.length} items`, flat],
  ] as const) {
    const times = names.map((name) => `${(timePerCall(() => codecs[name]!(value)) * 1000).toFixed(1)} µs`);
    console.log(`| ${label} | ${bytesOf(value)} | ${times.join(' | ')} |`);
  }
}
