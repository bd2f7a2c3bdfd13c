/**
 * Loaded before every unit test (`npm run test:unit`, `node --import`): a unit test that
 * starts a process or a worker thread throws here, naming what it tried, so test/unit/
 * stays the quick, concurrent half of the suite. Tests that spawn belong in test/.
 */
import childProcess from 'node:child_process';
import { syncBuiltinESMExports } from 'node:module';
import workerThreads from 'node:worker_threads';

const refuse = (what: string): never => {
  throw new Error(`a unit test may not start a process or a thread (${what}): move the test from test/unit/ to test/`);
};

for (const name of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) {
  Reflect.set(childProcess, name, () => refuse(`child_process.${name}`));
}
Reflect.set(
  workerThreads,
  'Worker',
  class {
    constructor() {
      refuse('new Worker');
    }
  },
);
// Named imports (`import { spawn } from 'node:child_process'`) read the patched functions too.
syncBuiltinESMExports();
