/** The messages between the benchmark and its load generator child process (Node IPC). */

export interface LoadScenario {
  /** Websocket clients in the one document, writers included. */
  clients: number;
  /** How many of them type. */
  writers: number;
  /** Characters each writer types per second, one update each. */
  charsPerSecond: number;
  /** How long the writers type, in seconds. */
  seconds: number;
}

export interface LoadTarget {
  wsUrl: string;
  room: string;
  params: Record<string, string>;
}

export interface LoadResult {
  /** Updates the writers sent (one per character). */
  sent: number;
  /** Updates that reached a receiver: sent x (clients - 1) when nothing is lost. */
  delivered: number;
  expected: number;
  /** Send-to-apply time of every delivery, ms, measured in the generator on one clock. */
  latenciesMs: number[];
  /** From "go" until the last expected delivery (or the drain timeout). */
  windowMs: number;
  /** The generator's own CPU over the window (user + system), ms. */
  cpuMs: number;
  /** How late the generator's event loop ran (p99 over the window), ms: high means the generator itself is late. */
  eventLoopLagP99Ms: number;
  /** Every client's document has the same content at the end. */
  converged: boolean;
  /** Time to connect every client and sync the writers' starting paragraphs, ms. */
  setupMs: number;
}

export type ToGenerator = { type: 'start'; target: LoadTarget; scenario: LoadScenario } | { type: 'go' };

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'done'; result: LoadResult }
  | { type: 'failed'; message: string };
