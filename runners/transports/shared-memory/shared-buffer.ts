/**
 * The data buffer of one task slot, which both ends of a shared-memory channel write
 * payloads into, and how it grows. A SharedArrayBuffer cannot be resized in place, so the
 * end whose payload does not fit makes a bigger one, posts it on the buffer port and raises
 * the slot's BUFFER_REPLACED; the other end takes it before it reads. The post happens
 * before the counter that hands the slot over moves, so the reader finds it at once with
 * receiveMessageOnPort, without an event-loop turn. Both ends visit slots in ring order, so
 * replacements arrive in the order they are taken.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { SlotField } from '../../contract/protocol.js';
import { type Encoded, writeInto } from './binary-codec.js';

/** Past this, a slot grows to the payload's size, not double: every slot of a deep ring may grow so. */
const DOUBLING_LIMIT_BYTES = 1 << 20;

/** What a slot that must hold `needed` bytes grows to: doubling keeps growth rare while payloads are small. */
export function grownSize(needed: number, current: number): number {
  return needed > DOUBLING_LIMIT_BYTES ? needed : Math.max(needed, current * 2);
}

/**
 * Writes `encoded` into `data`, or, when it does not fit, into a bigger buffer sent to the
 * other end first. `fields`: the slot's SlotField view. Returns the buffer now in use.
 */
export function writePayload(encoded: Encoded, data: SharedArrayBuffer, fields: Int32Array, port: MessagePort): SharedArrayBuffer {
  let target = data;
  if (encoded.byteLength > data.byteLength) {
    target = new SharedArrayBuffer(grownSize(encoded.byteLength, data.byteLength));
    port.postMessage(target);
    Atomics.store(fields, SlotField.BUFFER_REPLACED, 1);
  }
  writeInto(encoded, new Uint8Array(target));
  Atomics.store(fields, SlotField.PAYLOAD_BYTES, encoded.byteLength);
  return target;
}

/** The buffer to read from: the replacement the other end sent, if it raised the flag, else `data`. */
export function takeReplacement(data: SharedArrayBuffer, fields: Int32Array, port: MessagePort): SharedArrayBuffer {
  if (Atomics.load(fields, SlotField.BUFFER_REPLACED) !== 1) return data;
  const replacement = receiveMessageOnPort(port);
  // Reading the old buffer instead would decode a truncated payload as if it were whole.
  if (!replacement) throw new Error('the other end of the shared-memory channel signalled a new buffer but sent none');
  Atomics.store(fields, SlotField.BUFFER_REPLACED, 0);
  return replacement.message as SharedArrayBuffer;
}
