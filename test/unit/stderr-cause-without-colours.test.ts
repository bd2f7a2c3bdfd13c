/**
 * Deno colours "error:" even when its stderr is a pipe; a dead process's reason keeps the
 * words without the escape codes (the fault matrix found "\u001b[0m\u001b[1m\u001b[31merror\u001b[0m:
 * Uncaught NotCapable…" in 27 Deno cells' reasons).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { causeIn } from '../../runners/common/stderr-cause.js';

test("a dead process's coloured error line becomes its reason without the colour codes", () => {
  const stderr =
    '\u001b[0m\u001b[1m\u001b[31merror\u001b[0m: Uncaught NotCapable: Requires run access to "sleep", run again with the --allow-run flag\n' +
    '    at spawn (ext:deno_node/internal/child_process.ts:1:1)\n';
  assert.equal(causeIn(stderr), 'error: Uncaught NotCapable: Requires run access to "sleep", run again with the --allow-run flag');
});
