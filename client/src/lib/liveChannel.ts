type Handler = (data: unknown) => void;
type Listener = () => void;

/**
 * The tab's one live channel for a document: a single Server-Sent Events stream (`GET /api/documents/:id/events`)
 * that every feature following changes made outside the text listens on (threads, consensus statuses, and the kinds
 * to come), rather than each opening a stream of its own. The server starts every (re)connection with each kind's
 * snapshot, so nothing is missed while EventSource reconnects by itself.
 */
export class LiveChannel {
  private source: EventSource | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly listeners = new Set<Listener>();
  private live = false;

  constructor(private readonly documentId: string) {}

  /** Calls `handle` with the JSON of every `event` the server sends, until the returned function is called. */
  on(event: string, handle: Handler): () => void {
    let handlers = this.handlers.get(event);
    if (!handlers) {
      handlers = new Set();
      this.handlers.set(event, handlers);
      this.source?.addEventListener(event, this.dispatch);
    }
    handlers.add(handle);
    return () => handlers.delete(handle);
  }

  /** Opens the stream; returns the function that closes it. */
  start(): () => void {
    const source = new EventSource(`/api/documents/${encodeURIComponent(this.documentId)}/events`);
    this.source = source;
    for (const event of this.handlers.keys()) source.addEventListener(event, this.dispatch);
    source.addEventListener('open', () => this.setLive(true));
    source.addEventListener('error', () => this.setLive(false));
    return () => {
      source.close();
      if (this.source === source) this.source = undefined;
      this.setLive(false);
    };
  }

  /** Whether the stream is open (events arrive as they happen). */
  isLive = (): boolean => this.live;

  /** Calls `listener` whenever `isLive()` changes. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private readonly dispatch = (event: Event): void => {
    const { type, data } = event as MessageEvent<string>;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    for (const handle of [...(this.handlers.get(type) ?? [])]) handle(parsed);
  };

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    for (const listener of this.listeners) listener();
  }
}
