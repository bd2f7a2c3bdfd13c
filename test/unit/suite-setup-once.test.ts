/**
 * The suite contract's setup(): absent or a function (anything else is named as the breach), run
 * once per suite object however often a host asks, timed, and a failure named in one line.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SuiteLoadError, validateSuite } from '../../suites/registry.js';
import { setUpSuite } from '../../runners/common/suite-setup.js';

const suite = (extra: Record<string, unknown>) => ({
  default: {
    name: 'setup-contract',
    description: 'test',
    defaultSize: 1,
    sizes: [1],
    makeInput: () => 1,
    run: (n: number) => n,
    verify: () => true,
    ...extra,
  },
});

test('validateSuite takes a suite without setup or with a function, and names a setup that is neither', () => {
  assert.doesNotThrow(() => validateSuite(suite({}), 'x.js'));
  assert.doesNotThrow(() => validateSuite(suite({ async setup() {} }), 'x.js'));
  assert.throws(
    () => validateSuite(suite({ setup: 'load the dictionary' }), 'x.js'),
    (error: unknown) => error instanceof SuiteLoadError && /setup\(\) \(absent, or a function\) is missing or wrong/.test(error.message),
  );
});

test('setUpSuite runs setup once per suite, times it, and resolves undefined without one', async () => {
  let calls = 0;
  const withSetup = {
    async setup() {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 5));
    },
  };
  const [first, second] = await Promise.all([setUpSuite(withSetup, 'here'), setUpSuite(withSetup, 'here')]);
  assert.equal(calls, 1);
  assert.ok(first !== undefined && first > 0);
  assert.equal(second, first);
  assert.equal(await setUpSuite({}, 'here'), undefined);
});

test('a setup that throws or rejects becomes one line naming setup, where, and the error', async () => {
  const thrown = {
    setup(): void {
      throw new RangeError('no dictionary\n    at somewhere');
    },
  };
  await assert.rejects(setUpSuite(thrown, 'a worker thread'), {
    message: 'setup() failed in a worker thread: RangeError: no dictionary',
  });
  const rejected = { setup: () => Promise.reject('not an Error') };
  await assert.rejects(setUpSuite(rejected, 'a child process'), { message: 'setup() failed in a child process: not an Error' });
});
