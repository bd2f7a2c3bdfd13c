import type { CommandModule } from 'yargs';
import { BUILTIN_SUITES, BUILTIN_SUITE_NAMES } from '../../../suites/registry.js';
import { allSuiteFacts } from '../../../runners/orchestrate/suite-facts.js';
import {
  CHOOSABLE_TRANSPORTS,
  RUN_STRATEGY_NAMES,
  STRATEGY_FACTS,
  type StrategyFacts,
  TRANSPORT_FACTS,
} from '../../../runners/contract/strategies.js';
import { peerVersion } from '../../../runners/orchestrate/peer-versions.js';

/** A peer's line names the installed release, so a reader knows which one a run measures. */
function strategyLine(name: (typeof RUN_STRATEGY_NAMES)[number]): string {
  const facts: StrategyFacts = STRATEGY_FACTS[name];
  const { peer, description, transports, inFlightPerWorker } = facts;
  const version = peer === undefined ? undefined : (peerVersion(peer) ?? 'not installed');
  const carried = transports.length > 1 ? `; --transport ${transports.join(' (default), ')}` : '';
  const depth = inFlightPerWorker === undefined ? '' : `; up to ${inFlightPerWorker} tasks per worker at once`;
  return `  ${name.padEnd(20)} ${description}${version === undefined ? '' : ` [${peer} ${version}]`}${carried}${depth}`;
}

export const listCommand: CommandModule = {
  command: 'list',
  describe: 'list the built-in suites (with sizes) and the strategies',
  handler: async () => {
    const lines = ['Suites (--suite NAME, or --suite ./path/to/suite.js):'];
    // Read by the suite probe, as every suite is: the CLI evaluates none itself.
    const facts = await allSuiteFacts(BUILTIN_SUITE_NAMES.map((name) => BUILTIN_SUITES[name]));
    for (const [index, name] of BUILTIN_SUITE_NAMES.entries()) {
      const suite = facts[index]!;
      lines.push(`  ${name.padEnd(18)} ${suite.description}`);
      lines.push(`  ${''.padEnd(18)} default size ${suite.defaultSize}; sweep ${suite.sizes.join(', ')}`);
    }
    lines.push('', 'Strategies (--strategies a,b):');
    for (const name of RUN_STRATEGY_NAMES) lines.push(strategyLine(name));
    lines.push('', 'Transports (--transport a,b: how payloads travel; each strategy runs those it can use):');
    for (const name of CHOOSABLE_TRANSPORTS) lines.push(`  ${name.padEnd(20)} ${TRANSPORT_FACTS[name].description}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};
