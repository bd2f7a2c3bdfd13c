/**
 * One cell round in one fresh process: load the suite, build the strategy's executor,
 * measure, verify, write a CellOutcome, exit. Runs unchanged on Node, Bun and Deno.
 */
import { writeFileSync } from 'node:fs';
import { loadSuite } from '../../suites/registry.js';
import { measureRound } from './measure.js';
import { errorMessage } from '../common/error-message.js';
import type { CellOutcome, CellSpec } from '../contract/protocol.js';
import { findStrategy } from '../strategies/index.js';
import { defaultTransportOf, inFlightPerWorkerOf, transportsOf } from '../contract/strategies.js';
import { measurePayloadFigures } from './payload-figures.js';
import { probeRunKeepsInput } from './mutation-probe.js';
import { firstClassInstance } from '../common/value-kind.js';
import { setUpSuite } from '../common/suite-setup.js';

function peakRssBytes(): number {
  // maxRSS is in kilobytes; it covers this process and all its threads.
  return process.resourceUsage().maxRSS * 1024;
}

async function runCell(spec: CellSpec): Promise<CellOutcome> {
  const strategy = findStrategy(spec.strategy);
  if (!strategy) return { ok: false, error: `unknown strategy ${spec.strategy}` };
  const transport = spec.transport ?? defaultTransportOf(spec.strategy);
  if (transport === undefined || !(transportsOf(spec.strategy) as readonly string[]).includes(transport)) {
    return {
      ok: false,
      error: `${spec.strategy} cannot use the ${spec.transport} transport: it takes ${transportsOf(spec.strategy).join(', ')}`,
    };
  }
  const suite = await loadSuite(spec.suiteUrl);
  // The flag as given: the strategy and the batch below each read its depth from the registry (inFlightPerWorkerOf).
  const executor = strategy.create({
    suite,
    workers: spec.workers,
    channel: { suiteUrl: spec.suiteUrl, nice: spec.workerNice, thread: spec.thread, transport, ...(spec.phases ? { phases: true } : {}) },
    ...(spec.inFlightPerWorker === undefined ? {} : { inFlightPerWorker: spec.inFlightPerWorker }),
  });
  try {
    await executor.start();
    const measured = await measureRound(executor, {
      suite,
      size: spec.size,
      seed: spec.seed,
      workers: spec.workers,
      phaseMs: spec.phaseMs,
      inFlightPerWorker: spec.inFlightPerWorker,
      strategyDepth: inFlightPerWorkerOf(spec.strategy, spec.inFlightPerWorker),
      eventLoopMethod: spec.eventLoopMethod,
      eventLoopFloorMs: spec.eventLoopFloorMs,
      phases: spec.phases === true,
    });
    const selfPeakRssBytes = peakRssBytes();
    // This thread runs a task of its own below (two for a payload study), so the suite's setup()
    // must have run here: main-thread ran it in start(), before its tasks; any other strategy's
    // hosts are closed first, so what setup builds here never sits beside theirs in a figure.
    await executor.close();
    await setUpSuite(suite, "the cell's main thread");
    // After the peak RSS: its one task's memory is in no figure.
    const probed = probeRunKeepsInput(suite, spec.size, spec.seed);
    const outputClass = probed === undefined ? undefined : firstClassInstance(probed);
    // After the timed phases (and the peak RSS), never during them: the run alone and a memcpy, for a payload study.
    const payload = spec.payloadFigures ? measurePayloadFigures(suite, spec.size, spec.seed) : undefined;
    return {
      ok: true,
      sample: {
        round: spec.round,
        ...measured,
        startupSamplesMs: [...executor.startupSamplesMs],
        ...(suite.setup === undefined ? {} : { setupSamplesMs: [...executor.setupSamplesMs] }),
        selfPeakRssBytes,
        ...(payload === undefined ? {} : { payload }),
        ...(outputClass === undefined ? {} : { outputClass }),
      },
    };
  } finally {
    await executor.close();
  }
}

const spec = JSON.parse(process.argv[2] ?? '{}') as CellSpec;
// The CLI holds our stdin open; its end means the CLI is gone, so nobody wants our result.
process.stdin.on('end', () => process.exit(3));
process.stdin.resume();
process.stdin.unref?.();

let outcome: CellOutcome;
try {
  outcome = await runCell(spec);
} catch (error) {
  outcome = { ok: false, error: errorMessage(error) };
}
writeFileSync(spec.outcomePath, JSON.stringify(outcome));
// Exit explicitly: a misbehaving suite may leave handles that would keep us alive.
process.exit(0);
