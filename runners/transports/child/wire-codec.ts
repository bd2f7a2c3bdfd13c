/**
 * How a child channel's payloads are written on the fork IPC channel. `json` (the default):
 * typed arrays and non-finite numbers tagged (json-codec.ts), the portable wire. `advanced`:
 * fork's `serialization: 'advanced'` (V8's serializer) carries typed arrays as themselves,
 * so values go as they are.
 */
import type { Value } from '../../../suites/suite.js';
import type { WireValue } from '../../contract/protocol.js';
import { fromWire, toWire } from './json-codec.js';

export type Serialization = 'json' | 'advanced';

export interface WireCodec {
  serialization: Serialization;
  encode(value: Value): WireValue | Value;
  decode(wire: unknown): Value;
}

const JSON_CODEC: WireCodec = { serialization: 'json', encode: toWire, decode: (wire) => fromWire(wire as WireValue) };
const ADVANCED_CODEC: WireCodec = { serialization: 'advanced', encode: (value) => value, decode: (wire) => wire as Value };

/** The codec of a transport name: `advanced`, or JSON for anything else (the child strategies' default). */
export function wireCodec(transport: string | undefined): WireCodec {
  return transport === 'advanced' ? ADVANCED_CODEC : JSON_CODEC;
}
