/**
 * A Web Worker's 'error' event becomes the Error node:worker_threads would hand over: Bun's
 * event message (source lines, caret, error, frames, causes) is cut down to the error's name
 * and message, so a worker's reason never opens with a line of source code.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorOfEvent } from '../../runners/transports/web-worker-error.js';

// What Bun 1.4.5 put into the event's message (its `error` was null), bench's own throw at import.
const BUN_IMPORT_FAILURE = [
  ' 9 |         const module = (await import(url));',
  '10 |         return module.default;',
  '14 |         throw new Error("the suite failed to import in " + where + ": " + errorMessage(error, { withName: true }));',
  '                       ^',
  'error: the suite failed to import in a worker thread: Error: fault-import: this module cannot load here',
  '      at importSuite (/work/main/dist/runners/transports/entry-support.js:14:19)',
  '',
].join('\n');

test("Bun's error event message becomes the thrown error's name and message, without source, caret or frames", () => {
  const plain = errorOfEvent({ error: null, message: BUN_IMPORT_FAILURE });
  assert.equal(plain.name, 'Error');
  assert.equal(plain.message, 'the suite failed to import in a worker thread: Error: fault-import: this module cannot load here');

  const ranged = errorOfEvent({
    message: "1 | throw new RangeError('range boom');\n              ^\nRangeError: range boom\n      at /w.mjs:1:11\n",
  });
  assert.equal(`${ranged.name}: ${ranged.message}`, 'RangeError: range boom');

  // A cause follows its error's frames after a blank line: the error itself is what is reported.
  const caused = errorOfEvent({
    message:
      '1 | throw new Error("outer", …);\n      ^\nerror: outer\n      at /w.mjs:1:11\n\n1 | throw …\n   ^\nerror: inner\n      at /w.mjs:1:38\n',
  });
  assert.equal(caused.message, 'outer');

  const multiline = errorOfEvent({ message: '1 | const e = …\n    ^\nerror: multi\nline\n      at /w.mjs:1:15\n' });
  assert.equal(multiline.message, 'multi\nline');
});

test('a thrown non-Error keeps its text, a real Error on the event is taken as it is, an empty event still says what died', () => {
  assert.equal(errorOfEvent({ error: null, message: 'a string' }).message, 'a string');
  assert.equal(errorOfEvent({ message: '{\n  code: 3,\n}' }).message, '{\n  code: 3,\n}');
  const thrown = new TypeError('as thrown');
  assert.equal(errorOfEvent({ error: thrown, message: '1 | x\n ^\nTypeError: as thrown\n' }), thrown);
  assert.equal(errorOfEvent({}).message, 'worker thread error');
});
