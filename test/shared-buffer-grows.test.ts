/**
 * A payload bigger than the shared data buffer goes into a bigger one that the other end
 * takes before reading, whichever end writes; a payload that fits stays in place.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageChannel } from 'node:worker_threads';
import { SLOT_FIELDS, SlotField } from '../runners/contract/protocol.js';
import { decode, encode } from '../runners/transports/shared-memory/binary-codec.js';
import { takeReplacement, writePayload } from '../runners/transports/shared-memory/shared-buffer.js';

test('an outgrown buffer is replaced, sent across and picked up by the reader', () => {
  const { port1, port2 } = new MessageChannel();
  try {
    const control = new Int32Array(new SharedArrayBuffer(SLOT_FIELDS * Int32Array.BYTES_PER_ELEMENT));
    const small = new SharedArrayBuffer(64);
    const read = (data: SharedArrayBuffer) => decode(new Uint8Array(data, 0, Atomics.load(control, SlotField.PAYLOAD_BYTES)));

    assert.equal(writePayload(encode('fits'), small, control, port1), small, 'a payload that fits keeps the buffer');
    assert.equal(takeReplacement(small, control, port2), small);
    assert.equal(read(small), 'fits');

    const big = new Float64Array(100).fill(1.5);
    const grown = writePayload(encode(big), small, control, port1);
    assert.ok(grown.byteLength >= 2 * small.byteLength && grown.byteLength >= encode(big).byteLength);
    const taken = takeReplacement(small, control, port2);
    assert.equal(Atomics.load(control, SlotField.BUFFER_REPLACED), 0, 'the flag is lowered once taken');
    assert.deepEqual(read(taken), big);

    // The other direction, from the grown buffer: the writer's end and the reader's swap.
    const bigger = 'x'.repeat(grown.byteLength + 1);
    const regrown = writePayload(encode(bigger), grown, control, port2);
    assert.equal(read(takeReplacement(grown, control, port1)), bigger);
    assert.ok(regrown.byteLength > grown.byteLength);
  } finally {
    port1.close();
    port2.close();
  }
});
