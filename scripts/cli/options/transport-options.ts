/**
 * `--transport`: which of their transports the strategies run with (strategies.ts
 * TRANSPORTS). Every name must be known, every transport must be one some chosen strategy
 * can use, and every strategy named in --strategies must be able to use one of them
 * (shared-memory with json is bad input, not a silent default). Without --strategies the
 * list narrows the default strategies to those that can use one. Strategies with no
 * transport to choose (main-thread, the baseline) run as they are.
 */
import {
  ALL_STRATEGY_NAMES,
  CHOOSABLE_TRANSPORTS,
  type TransportName,
  isTransportName,
  transportsOf,
} from '../../../runners/contract/strategies.js';
import { UsageError } from '../usage-error.js';
import { listOf } from '../parse/values.js';

/** A strategy whose only transport is `none` moves no payload: --transport does not apply to it. */
const movesNothing = (strategy: string): boolean => transportsOf(strategy).every((name) => name === 'none');

export function parseTransports(text: string): TransportName[] {
  const names = listOf(text);
  if (names.length === 0) throw new UsageError(`--transport is empty: give a comma-separated list of ${CHOOSABLE_TRANSPORTS.join(', ')}`);
  const unknown = names.find((name) => !isTransportName(name) || name === 'none');
  if (unknown !== undefined)
    throw new UsageError(`unknown transport "${unknown}" in --transport: choose from ${CHOOSABLE_TRANSPORTS.join(', ')}`);
  return [...new Set(names.filter(isTransportName))];
}

/** Which strategies take `transport`, for a message that tells the user where it belongs. */
const takersOf = (transport: TransportName): string[] => ALL_STRATEGY_NAMES.filter((name) => transportsOf(name).includes(transport));

/**
 * `strategiesText`: --strategies as given (undefined: `strategies` are the defaults);
 * `strategies`: the parsed list. Returns the strategies to run and the transports asked
 * for (undefined without --transport: each strategy's default).
 */
export function resolveTransports<Name extends string>(
  strategiesText: string | undefined,
  strategies: Name[],
  transportText: string | undefined,
): { strategies: Name[]; transports?: TransportName[] } {
  if (transportText === undefined) return { strategies };
  const transports = parseTransports(transportText);
  const canUse = (strategy: string): boolean => transportsOf(strategy).some((name) => transports.includes(name));
  let chosen = strategies;
  if (strategiesText === undefined) {
    chosen = strategies.filter((s) => movesNothing(s) || canUse(s));
  } else {
    const refused = strategies.find((s) => !movesNothing(s) && !canUse(s));
    if (refused !== undefined) {
      throw new UsageError(
        `--transport ${transports.join(',')}: ${refused} cannot use ${transports.length === 1 ? 'it' : 'any of them'} (it takes ${transportsOf(refused).join(', ')}); add one of those or drop ${refused} from --strategies`,
      );
    }
  }
  const unused = transports.find((transport) => !chosen.some((s) => transportsOf(s).includes(transport)));
  if (unused !== undefined) {
    throw new UsageError(
      `--transport ${unused}: no strategy of the run can use it; it belongs to ${takersOf(unused).join(', ')}: add one to --strategies or drop ${unused}`,
    );
  }
  return { strategies: chosen, transports };
}
