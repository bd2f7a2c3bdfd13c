/**
 * Which rounds another program disturbed. The round's interference (the share of the time
 * its threads wanted a CPU that other programs held it, RoundSample.cpu) decides; where the
 * runtime or OS could not measure it, the share of the machine other programs used does.
 * A disturbed round is kept in the file, left out of the figures and measured again
 * (runners/orchestrate/redo-disturbed.ts).
 */
import type { RoundSample } from '../../../runners/contract/results.js';

/** --disturbed-above's default: an idle 2-core machine stays below 0.2 %, one background job lifts it to 20–50 %. */
export const DEFAULT_DISTURBED_ABOVE = 0.05;

const percent = (share: number): string => `${Math.round(share * 1000) / 10} %`;

/** Why the round counts as disturbed ("interference 31 % > 5 %"), or undefined when it does not. */
export function disturbance(sample: RoundSample, above: number): string | undefined {
  const interference = sample.cpu?.interference;
  if (interference !== null && interference !== undefined) {
    return interference > above ? `interference ${percent(interference)} > ${percent(above)}` : undefined;
  }
  const foreign = sample.foreignCpuShare;
  return foreign !== null && foreign > above ? `other programs used ${percent(foreign)} of the CPU > ${percent(above)}` : undefined;
}
