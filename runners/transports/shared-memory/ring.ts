/**
 * The shared-memory channel's ring, as both ends see it: the Int32 control buffer (the
 * RingSlot header, then SLOT_FIELDS per task slot).
 */
import { RING_HEADER_SLOTS, SLOT_FIELDS } from '../../contract/protocol.js';

export function ringControlBytes(depth: number): number {
  return (RING_HEADER_SLOTS + depth * SLOT_FIELDS) * Int32Array.BYTES_PER_ELEMENT;
}

/** The SlotField view of task slot `slot`. */
export function slotFields(control: SharedArrayBuffer, slot: number): Int32Array {
  return new Int32Array(control, (RING_HEADER_SLOTS + slot * SLOT_FIELDS) * Int32Array.BYTES_PER_ELEMENT, SLOT_FIELDS);
}
