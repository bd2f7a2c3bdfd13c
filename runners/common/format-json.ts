/** Pretty JSON, but arrays of numbers (the raw samples) stay on one line each. */
export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /\[\s*(-?[\d.e+-]+(?:,\s*-?[\d.e+-]+)*)\s*\]/g,
    (_, items: string) => `[${items.replace(/\s+/g, '')}]`,
  );
}
