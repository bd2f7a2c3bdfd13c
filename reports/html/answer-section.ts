/**
 * The first thing a reviewer reads, at the top of the report: the answer for each suite
 * of each results file, in the words `bench run` and `bench study` print below their
 * tables. Nothing is computed twice: a study's answer (crossover and scaling) is the one
 * its analysis stored in the file (reports/decide/answer/study-answer.ts), a run's is runAnswers'
 * (reports/decide/answer/point-answer.ts): who wins, who ties by the rounds' intervals, and what
 * the winner costs in memory and latency; a `bench http` run's is httpAnswers', in the same words.
 */
import type { RunResult } from '../../runners/contract/results.js';
import type { Series } from '../charts/series.js';
import { runAnswers } from '../decide/answer/point-answer.js';
import { httpAnswers } from '../decide/answer/http-answer.js';
import { escapeHtml } from './html-escape.js';

/** The answer lines of one file: its study's, or one per suite of a run (`bench http`'s: per suite and runtime served). */
export function answerLines(result: RunResult): string[] {
  const studied = result.study?.answer ?? [];
  return studied.length > 0 ? studied : [...runAnswers(result), ...httpAnswers(result)];
}

export function renderAnswerSection(results: readonly RunResult[], series: readonly Series[]): string {
  const blocks = results.flatMap((result, fileIndex) => {
    const lines = answerLines(result);
    if (lines.length === 0) return [];
    const label =
      results.length > 1
        ? `<h3>${escapeHtml(
            series
              .filter((s) => s.fileIndex === fileIndex)
              .map((s) => s.label)
              .join(', '),
          )}</h3>`
        : '';
    return [`${label}<ul class="answer-lines">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`];
  });
  if (blocks.length === 0) return '';
  const incomplete = results.some((result) => !result.complete)
    ? ' <span class="muted">(from what was measured before the run stopped)</span>'
    : '';
  return `<section id="answer" class="answer"><h2>The answer${incomplete}</h2>
${blocks.join('\n')}
</section>`;
}
