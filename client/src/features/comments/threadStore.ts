import { THREAD_EVENTS, Thread, ThreadList } from '../../../../shared/api/threads.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';

type Listener = () => void;

/**
 * The threads of one document the viewer may see, kept current by the document's live channel from the moment it is
 * made: it lives as long as the channel, so a sidebar shown later still finds every thread.
 */
export class ThreadStore {
  private threads: readonly Thread[] = [];
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel) {
    channel.on(THREAD_EVENTS.snapshot, (data) => {
      const parsed = ThreadList.safeParse(data);
      if (parsed.success) this.replaceAll(parsed.data.threads);
    });
    channel.on(THREAD_EVENTS.changed, (data) => {
      const parsed = Thread.safeParse(data);
      if (parsed.success) this.upsert(parsed.data);
    });
  }

  /** Takes in a thread as the server returned it (after one's own change, before the live channel repeats it). */
  upsert(thread: Thread): void {
    const index = this.threads.findIndex((existing) => existing.id === thread.id);
    this.threads = index < 0 ? [...this.threads, thread] : this.threads.map((existing, i) => (i === index ? thread : existing));
    this.notify();
  }

  getThreads = (): readonly Thread[] => this.threads;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private replaceAll(threads: readonly Thread[]): void {
    this.threads = threads;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
