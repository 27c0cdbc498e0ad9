/**
 * A random identifier (hex, 128 bits by default). `crypto.randomUUID` exists only in secure contexts, and venue
 * networks serve Accord over plain http://; `crypto.getRandomValues` is available everywhere.
 */
export function randomId(bytes = 16): string {
  const values = crypto.getRandomValues(new Uint8Array(bytes));
  return Array.from(values, (value) => value.toString(16).padStart(2, '0')).join('');
}
