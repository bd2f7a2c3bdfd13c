import type { Suite } from '../../suites/suite.js';

/**
 * Workers and children trust the suite: the cell already validated the same module
 * before starting them, so they import it without re-checking the contract.
 */
export async function importSuite(url: string): Promise<Suite> {
  const module = (await import(url)) as { default: Suite };
  return module.default;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
