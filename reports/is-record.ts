/**
 * A parsed JSON value that is an object (not null, not an array): the one narrowing the code
 * that must walk a value before or beside the schema needs (migrate-v1.ts runs before
 * validation; results-problems.ts walks the schema's own objects). Blocks of a loaded results
 * file need none: the schema has typed them.
 */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
