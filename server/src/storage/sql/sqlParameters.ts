/**
 * Rewrites the shared SQL's parameters (`?` in order, or `@name`) into PostgreSQL's numbered `$1, $2…`, and says which
 * argument fills each number. String literals, quoted identifiers and comments are copied as they are.
 */
export interface NumberedSql {
  text: string;
  /** For each `$n`, the position of the argument (`?`) or the name of the property (`@name`) that fills it. */
  slots: (number | string)[];
}

const TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\?|@([A-Za-z_][A-Za-z0-9_]*)/g;

export function numberParameters(sql: string): NumberedSql {
  const slots: (number | string)[] = [];
  let positional = 0;
  const text = sql.replace(TOKEN, (token: string, name: string | undefined) => {
    if (token === '?') {
      slots.push(positional++);
      return `$${slots.length}`;
    }
    if (name === undefined) return token;
    const existing = slots.indexOf(name);
    if (existing >= 0) return `$${existing + 1}`;
    slots.push(name);
    return `$${slots.length}`;
  });
  return { text, slots };
}

/** The values of a statement's slots from the arguments it was called with: positional ones, or one object of names. */
export function slotValues(slots: readonly (number | string)[], args: readonly unknown[]): unknown[] {
  const named = (args[0] ?? {}) as Record<string, unknown>;
  return slots.map((slot) => {
    const value = typeof slot === 'number' ? args[slot] : named[slot];
    if (value === undefined) throw new Error(`no value for SQL parameter ${typeof slot === 'number' ? slot + 1 : `@${slot}`}`);
    return value;
  });
}
