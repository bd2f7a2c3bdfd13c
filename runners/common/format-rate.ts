/** A rate (tasks/s, requests/s) as the tables and the warnings print it: whole from 100 on, with decimals under. */
export function formatRate(perSec: number): string {
  if (perSec >= 100) return Math.round(perSec).toLocaleString('en-US');
  return perSec.toFixed(perSec >= 10 ? 1 : 2);
}
