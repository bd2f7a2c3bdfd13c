import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Scaling, ScalingPoint } from '../../runners/contract/study.js';
import { KNOWN_USL, WORKERS, workersStudyResults } from '../fixtures/study-results.js';

test('a workers study reports speedup over the own 1-worker rate, over main-thread, efficiency, marks points above the cores, and fits each pool', () => {
  const { study } = workersStudyResults();
  assert.ok(study);
  assert.equal(study.kind, 'workers');
  for (const [strategy, truth] of Object.entries(KNOWN_USL)) {
    const scaling: Scaling | undefined = study.scaling.find((s) => s.strategy === strategy);
    assert.ok(scaling, strategy);
    assert.deepEqual(
      scaling.points.map((p) => p.workers),
      WORKERS,
    );
    const one: ScalingPoint = scaling.points[0]!;
    const two: ScalingPoint = scaling.points[1]!;
    assert.equal(one.speedup, 1);
    assert.ok(Math.abs(two.efficiency! - two.speedup! / 2) < 1e-12);
    assert.ok(Math.abs(two.speedupOverBaseline! - two.tasksPerSec / 165) < 1e-12, 'over the main-thread cell (165 tasks/s)');
    assert.deepEqual(
      scaling.points.filter((p) => p.overCores).map((p) => p.workers),
      [12, 16],
    );
    // The flat points above 8 cores would read as coherency cost; fitted without them, the law comes back.
    assert.ok(scaling.usl, scaling.uslReason);
    assert.deepEqual(scaling.usl.workers, [1, 2, 3, 4, 6, 8]);
    assert.ok(
      Math.abs(scaling.usl.sigma - truth.sigma) < 1e-4 && Math.abs(scaling.usl.kappa - truth.kappa) < 1e-5,
      JSON.stringify(scaling.usl),
    );
  }
  assert.match(study.answer.join(' '), /Beyond 8 workers nothing is gained/);
});
