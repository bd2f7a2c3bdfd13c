/**
 * The data buffer both ends of a shared-memory channel write payloads into, and how it
 * grows. A SharedArrayBuffer cannot be resized in place, so the end whose payload does not
 * fit makes a bigger one, posts it on the buffer port and raises BUFFER_REPLACED; the other
 * end takes it before it reads. The post happens before the STATE change that hands over,
 * so the reader finds it at once with receiveMessageOnPort, without an event-loop turn.
 */
import { type MessagePort, receiveMessageOnPort } from 'node:worker_threads';
import { ControlSlot } from '../../contract/protocol.js';
import { type Encoded, writeInto } from './binary-codec.js';

/**
 * Writes `encoded` into `data`, or, when it does not fit, into a buffer at least twice as
 * big (doubling keeps growth rare) sent to the other end first. Returns the buffer now in use.
 */
export function writePayload(encoded: Encoded, data: SharedArrayBuffer, control: Int32Array, port: MessagePort): SharedArrayBuffer {
  let target = data;
  if (encoded.byteLength > data.byteLength) {
    target = new SharedArrayBuffer(Math.max(encoded.byteLength, data.byteLength * 2));
    port.postMessage(target);
    Atomics.store(control, ControlSlot.BUFFER_REPLACED, 1);
  }
  writeInto(encoded, new Uint8Array(target));
  Atomics.store(control, ControlSlot.PAYLOAD_BYTES, encoded.byteLength);
  return target;
}

/** The buffer to read from: the replacement the other end sent, if it raised the flag, else `data`. */
export function takeReplacement(data: SharedArrayBuffer, control: Int32Array, port: MessagePort): SharedArrayBuffer {
  if (Atomics.load(control, ControlSlot.BUFFER_REPLACED) !== 1) return data;
  const replacement = receiveMessageOnPort(port);
  // Reading the old buffer instead would decode a truncated payload as if it were whole.
  if (!replacement) throw new Error('the other end of the shared-memory channel signalled a new buffer but sent none');
  Atomics.store(control, ControlSlot.BUFFER_REPLACED, 0);
  return replacement.message as SharedArrayBuffer;
}
