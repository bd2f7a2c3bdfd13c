import type { CommandModule } from 'yargs';
import { BUILTIN_SUITES, BUILTIN_SUITE_NAMES, loadSuite } from '../suites/registry.js';
import { STRATEGIES } from '../runners/strategies/index.js';

export const listCommand: CommandModule = {
  command: 'list',
  describe: 'list the built-in suites (with sizes) and the strategies',
  handler: async () => {
    const lines = ['Suites (--suite NAME, or --suite ./path/to/suite.js):'];
    for (const name of BUILTIN_SUITE_NAMES) {
      const suite = await loadSuite(BUILTIN_SUITES[name]);
      lines.push(`  ${name.padEnd(18)} ${suite.description}`);
      lines.push(`  ${''.padEnd(18)} default size ${suite.defaultSize}; sweep ${suite.sizes.join(', ')}`);
    }
    lines.push('', 'Strategies (--strategies a,b):');
    for (const strategy of STRATEGIES) lines.push(`  ${strategy.name.padEnd(18)} ${strategy.description}`);
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};
