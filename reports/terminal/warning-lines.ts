/**
 * The terminal's warnings, grouped as the HTML report groups them (reports/format/
 * warning-groups.ts): a kind raised once prints as before; a kind raised for several cells
 * prints its first warning whole, then the cells it affects and its hint once, instead of
 * 20–37 near-identical lines on a busy machine. With several runtimes every cell names its own.
 */
import type { RunResult } from '../../runners/contract/results.js';
import { groupWarnings } from '../format/warning-groups.js';

export function renderWarningLines(result: RunResult): string[] {
  const runtimes = [...new Set(result.cells.map((cell) => cell.runtime))];
  const series = runtimes.length > 1 ? runtimes.map((runtime) => ({ fileIndex: 0, runtime, label: runtime })) : [];
  // A warning about the whole run (the machine, the environment) says its own thing: never folded.
  const whole = result.warnings.filter((warning) => warning.cell === undefined).flatMap((w) => [`! ${w.message}`, `  → ${w.hint}`]);
  const cells = { ...result, warnings: result.warnings.filter((warning) => warning.cell !== undefined) };
  return [
    ...whole,
    ...groupWarnings([cells], series).flatMap((group) => {
      const hint = `  → ${group.hints.join('; ')}`;
      const first = cells.warnings.find((warning) => warning.kind === group.kind);
      if (group.warnings.length === 1) return [`! ${first?.message ?? group.warnings[0]!.detail}`, hint];
      const [lead] = group.warnings;
      return [
        `! ${group.kind} (${group.warnings.length}×): ${lead!.where}: ${lead!.detail}`,
        `  affects ${group.affects.join('; ')}`,
        hint,
      ];
    }),
  ];
}
