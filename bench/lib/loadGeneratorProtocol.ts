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

/** y-websocket framing (Accord, the reference relay) or Hocuspocus's own (document name in every message). */
export type WireProtocol = 'y-websocket' | 'hocuspocus';

/** One document and the credentials its clients send. */
export interface LoadRoom {
  room: string;
  params: Record<string, string>;
}

export interface LoadTarget {
  protocol: WireProtocol;
  /** Base websocket URL; y-websocket appends `/<room>`, Hocuspocus sends the room in its messages. */
  wsUrl: string;
  rooms: LoadRoom[];
  /**
   * Fan-out over several server processes: client i adds `groups[i % groups.length]` to its room's params (e.g. the
   * query parameter that pins it to one process behind HAProxy), and deliveries are reported per receiving group.
   */
  groups?: Record<string, string>[];
}

/** Deliveries to the clients of one group: from writers in the same group, and from writers in another. */
export interface GroupDeliveries {
  sameMs: number[];
  crossMs: number[];
}

/** What the generator does, in two phases: before `ready` (setup) and after `go` (what is measured). */
export type LoadTask =
  /** Clients in the first room, writers typing at a fixed rate, every receiver timing every character. */
  | { kind: 'fanout'; scenario: LoadScenario }
  /** Two clients in every room: one writes a paragraph, the other receives it. Setup is what is measured. */
  | { kind: 'documents' }
  /** One writer types `edits` single-character updates into the first room as fast as a second client receives them. */
  | { kind: 'populate'; edits: number }
  /** After `go`, one new client joins the first room and waits until it holds the `edits` characters typed before. */
  | { kind: 'coldSync'; edits: number };

export interface FanoutResult {
  kind: 'fanout';
  /** Updates the writers sent (one per character). */
  sent: number;
  /** Updates that reached a receiver: sent x (clients - 1) when nothing is lost. */
  delivered: number;
  expected: number;
  /** Send-to-apply time of every delivery, ms, measured in the generator on one clock. */
  latenciesMs: number[];
  /** With `LoadTarget.groups`: the same deliveries again, by the receiver's group and whether the writer shared it. */
  byGroup?: GroupDeliveries[];
  /** From "go" until the last expected delivery (or the drain timeout). */
  windowMs: number;
  /** From "go" until the writers typed their last character: longer than the scenario when they could not keep up. */
  typingMs: number;
  /** The generator's own CPU over the window (user + system), ms. */
  cpuMs: number;
  /** How late the generator's event loop ran (p99 over the window), ms: high means the generator itself is late. */
  eventLoopLagP99Ms: number;
  /** Every client's document has the same content at the end. */
  converged: boolean;
  /** Time to connect every client and sync the writers' starting paragraphs, ms. */
  setupMs: number;
}

export interface DocumentsResult {
  kind: 'documents';
  /** From the first connection until every client of every room is synced, ms. */
  connectMs: number;
  /** From the first connection until every room's second client holds its first client's paragraph, ms. */
  syncedMs: number;
  /** The generator's own CPU over the whole setup, ms. */
  cpuMs: number;
}

export interface PopulateResult {
  kind: 'populate';
  typingMs: number;
  cpuMs: number;
}

export interface ColdSyncResult {
  kind: 'coldSync';
  /** From creating the client until it is synced and holds every character, ms. */
  syncedMs: number;
}

export type LoadResult = FanoutResult | DocumentsResult | PopulateResult | ColdSyncResult;

export type ToGenerator = { type: 'start'; target: LoadTarget; task: LoadTask } | { type: 'go' };

export type FromGenerator =
  | { type: 'ready' }
  | { type: 'done'; result: LoadResult }
  | { type: 'failed'; message: string };
