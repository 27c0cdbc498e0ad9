import { DocumentProcedures, PROCEDURE_EVENTS } from '../../../../shared/api/procedures.ts';
import type { LiveChannel } from '../../lib/liveChannel.ts';

type Listener = () => void;

/**
 * A document's deadline and silence procedure, kept current by the document's live channel from the moment it is made:
 * every event carries the whole state, so a reconnection (EventSource reconnects by itself) can miss nothing.
 */
export class ProceduresStore {
  private current: DocumentProcedures | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(channel: LiveChannel) {
    channel.on(PROCEDURE_EVENTS.snapshot, (data) => {
      const parsed = DocumentProcedures.safeParse(data);
      if (parsed.success) this.set(parsed.data);
    });
  }

  /** Takes in the procedures as an action's answer returned them, before the live event arrives. */
  set(procedures: DocumentProcedures): void {
    this.current = procedures;
    for (const listener of this.listeners) listener();
  }

  get = (): DocumentProcedures | undefined => this.current;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}
