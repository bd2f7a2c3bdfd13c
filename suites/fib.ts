import type { Suite } from './suite.js';

function fib(n: number): number {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

/** Fibonacci numbers computed once by iteration: an independent check of the recursion. */
function fibByIteration(n: number): number {
  let [a, b] = [0, 1];
  for (let i = 0; i < n; i++) [a, b] = [b, a + b];
  return a;
}

export default {
  name: 'fib',
  description: 'naive recursive Fibonacci (pure CPU, tiny payload)',
  // ~6 ms a task on a 2 GHz-class core: long enough that hand-off costs are small, short
  // enough for hundreds of tasks per phase.
  defaultSize: 30,
  sizes: [20, 24, 27, 30, 32],
  maxSize: 40,
  // The seed cannot change fib(n); it is accepted so every suite shares one signature.
  makeInput: (size: number, _seed: number): number => size,
  run: (n: number): number => fib(n),
  verify: (n: number, output: number): boolean => Number.isInteger(n) && n >= 0 && output === fibByIteration(n),
} satisfies Suite<number, number>;
