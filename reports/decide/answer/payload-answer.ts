/**
 * A payload study's answer in words: one paragraph per runtime, every figure from the
 * study's points, nothing assumed. Each sentence is written only when its transports were
 * measured, and says what was found, whichever way it came out: transfer against clone,
 * JSON against V8's serializer, whether the SharedArrayBuffer's cost stays flat, and how
 * close each transport gets to one memcpy each way.
 */
import type { RunResult } from '../../../runners/contract/results.js';
import type { PayloadPoint, PayloadSeries, PayloadStudy } from '../../../runners/contract/payload-study.js';
import { SHARED_BUFFER_TRANSPORT } from '../../../runners/contract/strategies.js';
import { groupBy } from '../study/scaling.js';
import { formatRatio } from '../../format/study-format.js';
import { formatFactor, formatMbPerSec, formatPayloadBytes, formatRoundTrip, formatShare } from '../../format/payload-format.js';

/** A ratio of round trips from which one transport "beats" another in the answer. */
const BEATS = 2;
/** JSON's slowness is judged from this payload up: below it every IPC round trip is dispatch. */
const JSON_FROM_BYTES = 64 * 1024;
/** Shared memory's transport time may grow this much across the sweep and still read as flat. */
const FLAT_GROWTH = 2;

const at = (series: PayloadSeries, bytes: number): PayloadPoint | undefined => series.points.find((p) => p.bytes === bytes);

/** Sizes both series completed, ascending. */
const common = (a: PayloadSeries, b: PayloadSeries): number[] => a.points.map((p) => p.bytes).filter((bytes) => at(b, bytes) !== undefined);

/** A transport as a sentence names it: JSON is an acronym. */
const spoken = (transport: string): string => (transport === 'json' ? 'JSON' : transport);

/** "transfer" or "worker-pool's transfer": the strategy only where another strategy has the same transport. */
function namer(group: readonly PayloadSeries[]): (s: PayloadSeries) => string {
  return (s) =>
    group.filter((o) => o.transport === s.transport).length > 1 ? `${s.strategy}'s ${spoken(s.transport)}` : spoken(s.transport);
}

function transferAgainstClone(group: readonly PayloadSeries[], name: (s: PayloadSeries) => string): string[] {
  return group
    .filter((s) => s.transport === 'transfer')
    .flatMap((transfer) => {
      const clone = group.find((s) => s.transport === 'clone' && s.strategy === transfer.strategy);
      const sizes = clone ? common(clone, transfer) : [];
      if (!clone || sizes.length === 0) return [];
      const ratio = (bytes: number): number => at(clone, bytes)!.roundTripMs / at(transfer, bytes)!.roundTripMs;
      const largest = sizes.at(-1)!;
      // The round trips hold the run too; what the transports themselves cost is the rest.
      const c = at(clone, largest)!;
      const tr = at(transfer, largest)!;
      const beyond =
        c.runMs !== null && tr.runMs !== null
          ? `; beyond the run, ${formatRoundTrip(Math.max(0, c.roundTripMs - c.runMs))} vs ${formatRoundTrip(Math.max(0, tr.roundTripMs - tr.runMs))}${tr.roundTripMs > tr.runMs ? ` (${formatFactor((c.roundTripMs - c.runMs) / (tr.roundTripMs - tr.runMs))})` : ''}`
          : '';
      const figures = `${formatRatio(ratio(largest))} at ${formatPayloadBytes(largest)}: ${formatRoundTrip(c.roundTripMs)} vs ${formatRoundTrip(tr.roundTripMs)}${beyond}`;
      const from = sizes.find((_, i) => sizes.slice(i).every((later) => ratio(later) >= BEATS));
      if (from === undefined) {
        return [
          `${name(transfer)} and ${name(clone)} stay within ${BEATS}× of each other up to ${formatPayloadBytes(largest)} (${figures})`,
        ];
      }
      const lead = from === sizes[0] ? `already at ${formatPayloadBytes(from)}` : `from ${formatPayloadBytes(from)} on`;
      return [`${lead} ${name(transfer)} beats ${name(clone)} by ${BEATS}× or more (${figures})`];
    });
}

function jsonFindings(group: readonly PayloadSeries[], name: (s: PayloadSeries) => string): string[] {
  return group
    .filter((s) => s.transport === 'json' && s.points.length > 0)
    .flatMap((json) => {
      const largest = json.points.at(-1)!;
      const advanced = group.find((s) => s.transport === 'advanced' && s.strategy === json.strategy);
      const against = advanced ? at(advanced, largest.bytes) : undefined;
      const versus = against
        ? ` (${formatRatio(largest.roundTripMs / against.roundTripMs)} V8's serializer's ${formatRoundTrip(against.roundTripMs)})`
        : '';
      const found = [
        `${name(json)} IPC costs ${formatRoundTrip(largest.roundTripMs)} a round trip at ${formatPayloadBytes(largest.bytes)}${versus}`,
      ];
      // Slowest of all transports at each size from JSON_FROM_BYTES where it was measured.
      const judged = json.points.filter((p) => p.bytes >= JSON_FROM_BYTES);
      const beaten = judged.flatMap((p) => {
        const slower = group.filter((o) => o !== json && (at(o, p.bytes)?.roundTripMs ?? 0) > p.roundTripMs);
        return slower.length > 0 ? [`${formatPayloadBytes(p.bytes)} (${slower.map(name).join(', ')} slower)`] : [];
      });
      if (judged.length > 0 && group.length > 1) {
        found.push(
          beaten.length === 0
            ? `it is the slowest transport at every size from ${formatPayloadBytes(judged[0]!.bytes)}`
            : `it is not the slowest everywhere from ${formatPayloadBytes(JSON_FROM_BYTES)}: not at ${beaten.join(', ')}`,
        );
      }
      return [found.join('; ')];
    });
}

function sharedFindings(group: readonly PayloadSeries[], name: (s: PayloadSeries) => string): string[] {
  return group
    .filter((s) => s.transport === SHARED_BUFFER_TRANSPORT && s.points.length >= 2)
    .flatMap((shared) => {
      const first = shared.points[0]!;
      const last = shared.points.at(-1)!;
      if (first.runMs === null || last.runMs === null) return [];
      // The transport's own time: what the round trip costs beyond the run.
      const cost = (p: PayloadPoint): number => Math.max(0, p.roundTripMs - (p.runMs ?? 0));
      const growth = cost(last) / Math.max(cost(first), 1e-6);
      const span = `${formatRoundTrip(cost(first))} at ${formatPayloadBytes(first.bytes)} to ${formatRoundTrip(cost(last))} at ${formatPayloadBytes(last.bytes)}`;
      const share = `${formatShare(last.transportShare)} of the round trip at ${formatPayloadBytes(last.bytes)}`;
      return growth <= FLAT_GROWTH
        ? [
            `${name(shared)} is flat: its cost beyond the run goes from ${span} while the payload grows ${formatFactor(last.bytes / first.bytes)} (${share})`,
          ]
        : [
            `${name(shared)} is not flat: its cost beyond the run grows ${formatFactor(growth)}, from ${span}, because the payload is encoded into the SharedArrayBuffer and decoded out of it each way (${share})`,
          ];
    });
}

function memcpyFinding(group: readonly PayloadSeries[], name: (s: PayloadSeries) => string, memcpy: number | null): string[] {
  const largest = Math.max(...group.flatMap((s) => s.points.map((p) => p.bytes)));
  const points = group.flatMap((s) => {
    const p = at(s, largest);
    return p ? [{ s, p }] : [];
  });
  const rate = points.find(({ p }) => p.memcpyMbPerSec !== null)?.p.memcpyMbPerSec ?? memcpy;
  if (rate === null || points.length === 0) return [];
  const items = points
    .sort((a, b) => b.p.mbPerSec - a.p.mbPerSec)
    .map(({ s, p }) => `${name(s)} ${formatMbPerSec(p.mbPerSec)} (${formatRatio(p.mbPerSec / rate)})`);
  return [
    `against one memcpy each way (Buffer.copy, ${formatMbPerSec(rate)} at ${formatPayloadBytes(largest)}; above 1× a transport moves fewer bytes than it delivers), both ways at ${formatPayloadBytes(largest)}: ${items.join(', ')}`,
  ];
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** One paragraph per runtime (and suite, when several). */
/** Below this growth of the payload across the sweep, the sizes do not scale what crosses the transport. */
const GROWS = 2;

/**
 * A suite given with --suite whose size knob does not scale what it carries (it sizes the work,
 * or nothing): every point moves the same bytes, so the sweep compares work, not payloads.
 */
function flatPayload(group: readonly PayloadSeries[]): string[] {
  const points = group.flatMap((s) => s.points);
  const carried = (p: PayloadPoint): number => p.bytes + (p.outputBytes ?? p.bytes);
  const smallest = points.reduce((a, b) => (b.size < a.size ? b : a));
  const largest = points.reduce((a, b) => (b.size > a.size ? b : a));
  if (largest.size === smallest.size || carried(largest) >= GROWS * carried(smallest)) return [];
  return [
    `its payload does not grow with its size (${formatPayloadBytes(carried(smallest))} in and out at size ${smallest.size}, ${formatPayloadBytes(carried(largest))} at size ${largest.size}), so these figures compare the work, not what moving a payload costs: choose a suite whose size scales its input or output`,
  ];
}

export function payloadAnswer(result: RunResult, study: PayloadStudy): string[] {
  const incomplete = study.complete ? '' : ' (interrupted: from the cells measured so far)';
  return groupBy(study.transports, (s) => `${s.suite}\u0000${s.runtime}`).flatMap((group) => {
    const { runtime, suite } = group[0]!;
    const measured = group.filter((s) => s.points.length > 0);
    const version =
      result.context.runtimes[runtime]?.version ?? (result.context.runtime.name === runtime ? result.context.runtime.version : '');
    const lead = `${suite} on ${runtime}${version ? ` ${version}` : ''}`;
    if (measured.length === 0) return [`${lead}: no transport completed a size${incomplete}.`];
    const name = namer(measured);
    const findings = [
      ...flatPayload(measured),
      ...transferAgainstClone(measured, name),
      ...jsonFindings(measured, name),
      ...sharedFindings(measured, name),
      ...memcpyFinding(measured, name, study.memcpyMbPerSec),
    ];
    const skipped = group.filter((s) => s.points.length === 0).map((s) => `${name(s)} (${s.missing[0] ?? 'no data'})`);
    if (skipped.length > 0) findings.push(`not measured: ${skipped.join('; ')}`);
    const [first, ...rest] = findings;
    return [[`${lead}: ${first ?? 'measured'}.`, ...rest.map((f) => `${capitalise(f)}.`)].join(' ') + incomplete];
  });
}
