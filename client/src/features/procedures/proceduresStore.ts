import { DocumentProcedures, PROCEDURE_EVENTS } from '../../../../shared/api/procedures.ts';

type Listener = () => void;

/**
 * A document's deadline and silence procedure, kept current by the live channel: every event carries the whole state,
 * so a reconnection (EventSource reconnects by itself) can miss nothing.
 */
export class ProceduresStore {
  private current: DocumentProcedures | undefined;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly documentId: string) {}

  start(): () => void {
    const source = new EventSource(`/api/documents/${encodeURIComponent(this.documentId)}/events`);
    source.addEventListener(PROCEDURE_EVENTS.snapshot, (event) => {
      const parsed = DocumentProcedures.safeParse(JSON.parse((event as MessageEvent<string>).data));
      if (parsed.success) this.set(parsed.data);
    });
    return () => source.close();
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
