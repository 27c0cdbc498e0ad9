// The part of pg-native (node-postgres' libpq binding) Accord uses; the package ships no types.
declare module 'pg-native' {
  interface TypeParsers {
    getTypeParser(oid: number, format?: string): (value: string) => unknown;
  }
  interface Libpq {
    cmdTuples(): string;
    /** PQtransactionStatus: 0 idle, 1 active, 2 in a transaction, 3 in a failed transaction, 4 connection bad. */
    transactionStatus(): number;
  }
  class Client {
    constructor(config?: { types?: TypeParsers });
    readonly pq: Libpq;
    connectSync(connectionString: string): void;
    querySync(text: string, values?: unknown[]): Record<string, unknown>[];
    prepareSync(name: string, text: string, parameterCount: number): void;
    executeSync(name: string, values: unknown[]): Record<string, unknown>[];
    end(callback?: () => void): void;
  }
  export = Client;
}
