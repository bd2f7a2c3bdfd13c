/**
 * One order and one colour per strategy, used by every chart and by the HTML table,
 * so a reader who learns "blue is worker-pool" on one chart can rely on it everywhere.
 * Registered strategies take their colour from the registry.
 */
import { ALL_STRATEGY_NAMES, strategyFacts } from '../../runners/contract/strategies.js';

/** The order strategies appear in: the registry's, from no parallelism, through threads, to processes. */
export const STRATEGY_ORDER: readonly string[] = ALL_STRATEGY_NAMES;

/** For strategies we do not know (peer pools such as piscina); cycled if there are more. */
const EXTRA_COLOURS: readonly string[] = ['#8c564b', '#17becf', '#bcbd22', '#7f3c8d', '#1b4f72', '#b8860b', '#2e8b57', '#a52a2a'];

export interface StrategyPalette {
  /** Every strategy seen, known ones in STRATEGY_ORDER, then the others alphabetically. */
  readonly order: readonly string[];
  colour(strategy: string): string;
  /** Sort key: position in `order`; strategies outside it go last. */
  rank(strategy: string): number;
}

/**
 * Builds the palette for one report. Unknown strategies are sorted by name before they
 * get a colour, so the same set of strategies always gets the same colours.
 */
export function makePalette(strategies: Iterable<string>): StrategyPalette {
  const seen = new Set(strategies);
  const known = STRATEGY_ORDER.filter((name) => seen.has(name));
  const unknown = [...seen].filter((name) => !STRATEGY_ORDER.includes(name)).sort();
  const order = [...known, ...unknown];
  const colours = new Map<string, string>();
  for (const name of known) colours.set(name, strategyFacts(name)?.colour ?? '#000000');
  for (const [i, name] of unknown.entries()) colours.set(name, EXTRA_COLOURS[i % EXTRA_COLOURS.length] ?? '#000000');
  const ranks = new Map(order.map((name, i) => [name, i]));
  return {
    order,
    colour: (strategy) => colours.get(strategy) ?? '#000000',
    rank: (strategy) => ranks.get(strategy) ?? order.length,
  };
}

/** `#rrggbb` + alpha → `rgba(…)`, for the lighter fills of second and later series. */
export function withAlpha(hex: string, alpha: number): string {
  const value = Number.parseInt(hex.slice(1), 16);
  const r = (value >> 16) & 0xff;
  const g = (value >> 8) & 0xff;
  const b = value & 0xff;
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}
