import v8 from 'node:v8';
import vm from 'node:vm';

export interface MemoryReleaseOptions {
  /** Connections that must have closed since the last collection for a quiet moment to be worth one. */
  afterClosed: number;
  /** How long no connection may have closed before collecting: a flood of closes is collected once, at its end. */
  quietMs: number;
  /** Runs a full collection; by default V8's own (`gc`), which gives freed pages back to the system. */
  collect?: () => void;
  /** Told how long each collection took. */
  collected?: (ms: number) => void;
}

/** Longer than the 5 s over which V8 measures the allocation rate when deciding to shrink its young generation. */
const YOUNG_GENERATION_WINDOW_MS = 6000;

/**
 * V8's own `gc` (exposed at run time, so `npm start` needs no flag): a full, compacting collection that also shrinks
 * the young generation back. Setting the flag after start only adds the function to contexts created later, hence the
 * new context.
 */
function v8FullCollection(): () => void {
  if (typeof globalThis.gc === 'function') return globalThis.gc;
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

/**
 * Gives memory back once many connections have closed. Nothing of a closed connection is kept (heap snapshots after
 * rounds of 2,000 connections show the heap back at its baseline after a collection), but V8 collects its old
 * generation only when that grows past a limit, and a server whose clients left allocates nothing more: the dead
 * connections' objects (promoted while they were open) and the young generation grown to its maximum stayed resident,
 * 40-60 MiB after two rounds of 2,000. One full collection when the closing is over hands it back; it costs a few tens
 * of milliseconds once per flood, and nothing while people come and go a few at a time.
 */
export class MemoryRelease {
  private closedSinceCollection = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly collect: () => void;

  constructor(private readonly options: MemoryReleaseOptions) {
    this.collect = options.collect ?? v8FullCollection();
  }

  connectionClosed(): void {
    this.closedSinceCollection++;
    if (this.closedSinceCollection < this.options.afterClosed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.release(), this.options.quietMs);
    this.timer.unref();
  }

  stop(): void {
    clearTimeout(this.timer);
  }

  private release(): void {
    this.closedSinceCollection = 0;
    this.timedCollection();
    // V8 gives its young generation back only at a collection that finds the allocation of the last 5 s low; the one
    // just run still counts the flood's, so a second one follows once that has passed.
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.timedCollection();
    }, YOUNG_GENERATION_WINDOW_MS);
    this.timer.unref();
  }

  private timedCollection(): void {
    const started = performance.now();
    this.collect();
    this.options.collected?.(performance.now() - started);
  }
}
