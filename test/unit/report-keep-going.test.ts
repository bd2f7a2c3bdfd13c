import assert from 'node:assert/strict';
import { access, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { ResultsFileError } from '../../reports/load-results.js';
import { runReport } from '../../scripts/cli/commands/report.js';
import { UsageError } from '../../scripts/cli/usage-error.js';
import { bunResults } from '../fixtures/results-bun.js';
import { nodeResults } from '../fixtures/results-node.js';
import { makeTempDir } from '../fixtures/paths.js';

function capture() {
  const lines = { out: [] as string[], err: [] as string[] };
  return { lines, output: { out: (line: string) => lines.out.push(line), err: (line: string) => lines.err.push(line) } };
}

test('--keep-going renders the readable files, prints one line per bad file and ends with exit code 2', async (t) => {
  const dir = await makeTempDir();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const good = [join(dir, 'node.json'), join(dir, 'bun.json')] as const;
  await writeFile(good[0], JSON.stringify(nodeResults));
  await writeFile(good[1], JSON.stringify(bunResults));
  const missing = join(dir, 'missing.json');
  const broken = join(dir, 'broken.json');
  await writeFile(broken, 'not json');

  const withoutKeepGoing = capture();
  await assert.rejects(
    runReport({ files: [good[0], broken, good[1]], keepGoing: false }, withoutKeepGoing.output),
    (error: unknown) => error instanceof ResultsFileError && error.file === broken,
  );
  assert.deepEqual(await readdir(dir), ['broken.json', 'bun.json', 'node.json'], 'nothing written without --keep-going');

  const { lines, output } = capture();
  await assert.rejects(
    runReport({ files: [missing, good[0], broken, good[1]], keepGoing: true }, output),
    (error: unknown) => error instanceof UsageError && error.exitCode === 2 && /2 of 4 results files/.test(error.message),
  );
  assert.equal(lines.err.length, 2);
  assert.match(lines.err[0] ?? '', /^Error: .*missing\.json: file not found; /);
  assert.match(lines.err[1] ?? '', /^Error: .*broken\.json: is not valid JSON/);
  // A comparison, beside the first file that could be read, named after every file given.
  const name = 'missing-vs-node-and-2-more';
  await access(join(dir, `${name}.html`));
  assert.equal((await readdir(join(dir, name))).length, 18);
  assert.deepEqual(lines.out, [`wrote ${join(dir, `${name}.html`)}`, `wrote 18 PNG charts to ${join(dir, name)}`]);
});
