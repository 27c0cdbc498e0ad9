import { LANGUAGE_EVENTS, LanguageList } from '../../../../shared/api/languages.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';

type Listener = () => void;

/**
 * A document's source language and every version's counts ("AR 38 up to date · 4 need update · 2 untranslated"), kept
 * current by the document's live channel: the server sends the whole list again whenever a count moves.
 */
export class LanguageStore {
  private list: LanguageList | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel) {
    for (const event of [LANGUAGE_EVENTS.snapshot, LANGUAGE_EVENTS.changed]) {
      channel.on(event, (data) => {
        const parsed = LanguageList.safeParse(data);
        if (parsed.success) this.set(parsed.data);
      });
    }
  }

  /** Takes in the list as a REST answer gave it (after adding or removing a version), before the channel says so. */
  set(list: LanguageList): void {
    this.list = list;
    for (const listener of this.listeners) listener();
  }

  get = (): LanguageList | undefined => this.list;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
