import { THREAD_EVENTS, Thread, ThreadList } from '../../../../shared/api/threads.ts';

type Listener = () => void;

/**
 * The threads of one document the viewer may see, kept current by the server's live channel. The stream starts with
 * a full snapshot on every (re)connection, so nothing is missed while EventSource reconnects on its own.
 */
export class ThreadStore {
  private threads: readonly Thread[] = [];
  private readonly listeners = new Set<Listener>();
  private live = false;

  constructor(private readonly documentId: string) {}

  /** Opens the live channel; returns the function that closes it. */
  start(): () => void {
    const source = new EventSource(`/api/documents/${encodeURIComponent(this.documentId)}/events`);
    source.addEventListener(THREAD_EVENTS.snapshot, (event) => {
      const parsed = ThreadList.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) this.replaceAll(parsed.data.threads);
    });
    source.addEventListener(THREAD_EVENTS.changed, (event) => {
      const parsed = Thread.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) this.upsert(parsed.data);
    });
    source.addEventListener('open', () => this.setLive(true));
    source.addEventListener('error', () => this.setLive(false));
    return () => {
      source.close();
      this.setLive(false);
    };
  }

  /** Takes in a thread as the server returned it (after one's own change, before the live channel repeats it). */
  upsert(thread: Thread): void {
    const index = this.threads.findIndex((existing) => existing.id === thread.id);
    this.threads = index < 0 ? [...this.threads, thread] : this.threads.map((existing, i) => (i === index ? thread : existing));
    this.notify();
  }

  getThreads = (): readonly Thread[] => this.threads;

  isLive = (): boolean => this.live;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private replaceAll(threads: readonly Thread[]): void {
    this.threads = threads;
    this.notify();
  }

  private setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
