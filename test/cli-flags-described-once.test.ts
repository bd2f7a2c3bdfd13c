/**
 * A flag means one thing: every command whose --help lists it describes it with the same
 * words, type and default. Copies of one flag declared per command had drifted (`bench ab
 * --size` took a number where `bench run --size` took `64k`); scripts/cli/flags.ts declares
 * each once, and this walks every command's help to keep it so.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { COMMANDS, helpFlags } from './helpers/help-flags.js';

test("every command's --help describes a shared flag in the same words", async () => {
  const seen = new Map<string, { text: string; command: string }>();
  const differences: string[] = [];
  let listed = 0;
  for (const command of COMMANDS) {
    const name = command.join(' ');
    for (const [flag, text] of await helpFlags(command)) {
      listed += 1;
      const first = seen.get(flag);
      if (first === undefined) seen.set(flag, { text, command: name });
      else if (first.text !== text)
        differences.push(`--${flag}: bench ${first.command} says "${first.text}", bench ${name} says "${text}"`);
    }
  }
  // The parse must find the flags, or the test would pass on nothing.
  assert.ok(listed > 100 && seen.has('max-heap') && seen.has('connections'), `only ${listed} flags found in the help texts`);
  assert.deepEqual(differences, []);
});
