import { useSyncExternalStore } from 'react';
import { COMPILATION_EVENTS, CompilationNotes } from '../../../../shared/api/compilation.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';

type Listener = () => void;

/**
 * The NOC marks and justifications of one document, following the live channel from the moment the store is made
 * (every event carries all of them). A request's answer is taken in with `set`, before its live echo arrives.
 */
export class CompilationNotesStore {
  private notes: CompilationNotes = { noChange: [], justifications: [] };
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel) {
    const take = (data: unknown) => {
      const parsed = CompilationNotes.safeParse(data);
      if (parsed.success) this.set(parsed.data);
    };
    channel.on(COMPILATION_EVENTS.snapshot, take);
    channel.on(COMPILATION_EVENTS.changed, take);
  }

  set(notes: CompilationNotes): void {
    this.notes = notes;
    for (const listener of this.listeners) listener();
  }

  get = (): CompilationNotes => this.notes;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/** The store's notes, re-rendering as they change. */
export function useCompilationNotes(store: CompilationNotesStore): CompilationNotes {
  return useSyncExternalStore(store.subscribe, store.get);
}
