/**
 * One order and one colour per strategy, used by every chart and by the HTML table,
 * so a reader who learns "blue is worker-pool" on one chart can rely on it everywhere.
 */

/** The order strategies appear in: from no parallelism, through threads, to processes. */
export const STRATEGY_ORDER: readonly string[] = [
  'main-thread',
  'worker-per-task',
  'worker-pool',
  'shared-memory',
  'process-per-task',
  'process-pool',
  'cluster',
];

// Okabe–Ito: distinguishable with the common colour-vision deficiencies. main-thread is
// grey because it is the baseline every other bar is judged against.
const KNOWN_COLOURS: Readonly<Record<string, string>> = {
  'main-thread': '#5f5f5f',
  'worker-per-task': '#e69f00',
  'worker-pool': '#0072b2',
  'shared-memory': '#009e73',
  'process-per-task': '#d55e00',
  'process-pool': '#cc79a7',
  cluster: '#56b4e9',
};

/** For strategies we do not know (peer pools such as piscina); cycled if there are more. */
const EXTRA_COLOURS: readonly string[] = [
  '#8c564b', '#17becf', '#bcbd22', '#7f3c8d', '#1b4f72', '#b8860b', '#2e8b57', '#a52a2a',
];

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
  for (const name of known) colours.set(name, KNOWN_COLOURS[name] ?? '#000000');
  unknown.forEach((name, i) => colours.set(name, EXTRA_COLOURS[i % EXTRA_COLOURS.length] ?? '#000000'));
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
