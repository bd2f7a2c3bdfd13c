/**
 * Deno's out-of-memory death is reported with V8's words, not with the native frame its
 * stderr ends on (the abort cuts the C stack trace after its first frame).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { causeIn } from '../../runners/common/stderr-cause.js';

test("the cause of a Deno host that ran out of memory is V8's line, not the native frame after it", () => {
  const deno = [
    '',
    '<--- Last few GCs --->',
    '',
    '[22933:0x55a6cb23a000]      157 ms: Mark-Compact (reduce) 63.7 (64.7) -> 63.7 (64.7) MB, pooled: 0.0 MB, 10.08 / 0.00 ms (average mu = 0.006, current mu = 0.001) last resort; GC in old space requested',
    '',
    '#',
    '# Fatal JavaScript out of memory: Reached heap limit',
    '#',
    '==== C stack trace ===============================',
    '',
    '    /work/main/node_modules/.bin/deno(+0x28b0d2e) [0x55a68f526d2e]',
  ].join('\n');
  assert.equal(causeIn(deno), 'Fatal JavaScript out of memory: Reached heap limit');
});
