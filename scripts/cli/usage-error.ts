/**
 * A mistake the user can fix (a flag, a value, a file). The top-level catch prints its
 * one-line message and exits 2 without a stack trace; it recognises any error that
 * carries `exitCode: 2`, so modules that must not import this one can throw their own.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  override name = 'UsageError';
}

export function isUsageError(error: unknown): error is Error & { exitCode: 2 } {
  return error instanceof Error && (error as { exitCode?: unknown }).exitCode === 2;
}
