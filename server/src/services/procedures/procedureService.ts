import {
  type BreakSilenceBody,
  type Deadline,
  type DocumentProcedures,
  type OpenSilenceBody,
  PROCEDURE_EVENTS,
  type SetDeadlineBody,
  type SilenceProcedure,
} from '../../../../shared/api/procedures.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import type { ProcedureRepository, StoredDeadline, StoredSilence } from '../../storage/procedureRepository.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { DocumentService } from '../documents/index.ts';
import { type Principal, auditEntry, authorOf } from '../access/index.ts';
import { newId } from '../../infrastructure/tokens.ts';
import type { Notices } from './mailNotices.ts';
import { noticeText } from './noticeText.ts';

/** Freezing a document and recording the frozen version (the version service). */
export interface DocumentFreezer {
  setFrozen(principal: Principal, documentId: string, frozen: true): { id: string } | undefined;
}

export interface ProcedureServiceDeps {
  documents: DocumentService;
  procedures: ProcedureRepository;
  live: LiveChannel;
  freezer: DocumentFreezer;
  notices: Notices;
  /** The document's title, for notices. */
  titleOf(documentId: string): string | undefined;
  /**
   * The longest wait before looking at the stored procedures again. Alone on its database (SQLite) the server knows
   * every change it made, so it only wakes up for setTimeout's limit; in a cluster it must also find procedures opened
   * on another process, or left by one that died.
   */
  rescanMs?: number;
  /** A round of settling and notices that failed (PostgreSQL unreachable); it is tried again after `rescanMs`. */
  logFailure?(error: unknown): void;
  now?: () => Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** setTimeout's longest delay is about 24.8 days; later moments are reached by waking up and looking again. */
const LONGEST_WAIT_MS = 6 * 60 * 60 * 1000;
/** The server itself, as the audit log names it when it settles a procedure. */
const SERVER_ACTOR = { id: 'accord', name: 'Accord' };

const presentDeadline = ({ at, timeZone, setBy, setAt, notify }: StoredDeadline): Deadline => ({ at, timeZone, setBy, setAt, notify });

function presentSilence(stored: StoredSilence): SilenceProcedure {
  const { documentId: _documentId, remindedAt: _remindedAt, ...silence } = stored;
  return silence;
}

/**
 * The deadline for proposals and comments and the silence procedure of documents. The server keeps the time: a timer
 * settles a silence procedure at its deadline, and `start` settles at once whatever fell due while it was stopped, from
 * the stored facts alone. Every change is audited and sent live to every member.
 *
 * In a cluster every process keeps the time: settling and each notice are conditional writes that only one process
 * wins, and only the winner audits and e-mails, so nothing happens twice and nothing waits for a dead process
 * (docs/decisions/0014-cluster-jobs.md).
 */
export class ProcedureService {
  private readonly now: () => Date;
  private readonly longestWait: number;
  private readonly publishProcedures: LivePublish<DocumentProcedures>;
  private timer: NodeJS.Timeout | undefined;
  // Keeps no time until started, so a service built for a command or a test schedules nothing.
  private stopped = true;

  constructor(private readonly deps: ProcedureServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.longestWait = Math.min(deps.rescanMs ?? LONGEST_WAIT_MS, LONGEST_WAIT_MS);
    // Every change carries the whole state, under the snapshot's own event name; every member may see it.
    this.publishProcedures = deps.live.register<DocumentProcedures>({
      snapshotEvent: PROCEDURE_EVENTS.snapshot,
      changeEvent: PROCEDURE_EVENTS.snapshot,
      snapshot: (principal, documentId) => this.get(principal, documentId),
      mayReceive: () => true,
    });
  }

  get(principal: Principal, documentId: string): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.current(documentId);
  }

  setDeadline(principal: Principal, documentId: string, body: SetDeadlineBody): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'procedure.manage');
    this.assertNotAdopted(documentId);
    const setAt = this.now().toISOString();
    const at = new Date(body.at).toISOString();
    const actor = authorOf(principal);
    this.deps.procedures.putDeadline(
      { documentId, at, timeZone: body.timeZone, notify: body.notify, actorId: actor.id, actor: { name: actor.name, delegation: actor.delegation }, setAt },
      this.audit(principal, documentId, 'deadline.set', documentId, { at, timeZone: body.timeZone, recipients: body.notify.length }, setAt),
    );
    return this.changed(documentId);
  }

  clearDeadline(principal: Principal, documentId: string): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'procedure.manage');
    this.assertNotAdopted(documentId);
    const at = this.now().toISOString();
    if (!this.deps.procedures.deleteDeadline(documentId, this.audit(principal, documentId, 'deadline.clear', documentId, {}, at))) {
      throw new AppError('not_found', 'This document has no deadline.');
    }
    return this.changed(documentId);
  }

  /** Freezes the document (a version is recorded) and puts that text to silence until `body.at`. */
  openSilence(principal: Principal, documentId: string, body: OpenSilenceBody): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'procedure.manage');
    this.assertNotAdopted(documentId);
    const openedAt = this.now();
    const deadline = new Date(body.at);
    if (deadline.getTime() <= openedAt.getTime()) {
      throw new AppError('not_in_future', `The deadline of a silence procedure must be in the future; ${body.at} (${body.timeZone}) has passed.`);
    }
    if (this.deps.procedures.latestSilence(documentId)?.status === 'open') {
      throw new AppError('conflict', 'A silence procedure is already open on this document.');
    }
    const version = this.deps.freezer.setFrozen(principal, documentId, true);
    if (!version) throw new Error('freezing recorded no version');
    const actor = authorOf(principal);
    const id = newId();
    this.deps.procedures.insertSilence(
      {
        id,
        documentId,
        versionId: version.id,
        deadline: deadline.toISOString(),
        timeZone: body.timeZone,
        notify: body.notify,
        actorId: actor.id,
        actor: { name: actor.name, delegation: actor.delegation },
        openedAt: openedAt.toISOString(),
      },
      this.audit(principal, documentId, 'silence.open', id, { versionId: version.id, deadline: deadline.toISOString(), timeZone: body.timeZone }, openedAt.toISOString()),
    );
    return this.changed(documentId);
  }

  /** Ends the open procedure without adoption (the organiser changed their mind); the document stays frozen. */
  withdrawSilence(principal: Principal, documentId: string): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'procedure.manage');
    const open = this.openSilenceOf(documentId);
    const at = this.now().toISOString();
    this.deps.procedures.settleSilence(open.id, { status: 'withdrawn', at }, this.audit(principal, documentId, 'silence.withdraw', open.id, {}, at));
    return this.changed(documentId);
  }

  /** A delegation breaks silence before the deadline with a written statement: the procedure ends, not adopted. */
  breakSilence(principal: Principal, documentId: string, { statement }: BreakSilenceBody): DocumentProcedures {
    this.deps.documents.authorize(principal, documentId, 'silence.break');
    this.settleDue();
    const open = this.openSilenceOf(documentId);
    const at = this.now().toISOString();
    const by = { name: principal.name, delegation: principal.delegation };
    const settled = this.deps.procedures.settleSilence(
      open.id,
      { status: 'broken', at, by, statement },
      this.audit(principal, documentId, 'silence.break', open.id, { delegation: by.delegation, statement }, at),
    );
    if (!settled) throw new AppError('conflict', 'The silence procedure has already ended.');
    const title = this.deps.titleOf(documentId) ?? '';
    const notice = noticeText.broken(title, by.delegation, statement);
    this.deps.notices.send(open.notify, notice.subject, notice.text);
    return this.changed(documentId);
  }

  /** Settles what fell due while the server was stopped, then keeps time until `stop`. */
  start(): void {
    this.stopped = false;
    this.tick();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** The document's adoption, for exports' status line: the latest procedure, whatever its outcome. */
  silenceOf(documentId: string): SilenceProcedure | undefined {
    const stored = this.deps.procedures.latestSilence(documentId);
    return stored ? presentSilence(stored) : undefined;
  }

  private tick(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    let next: number | undefined;
    try {
      this.settleDue();
      this.remindDue();
      next = this.nextMoment();
    } catch (error) {
      this.deps.logFailure?.(error);
      next = this.now().getTime() + this.longestWait;
    }
    // Alone, nothing to wait for means sleeping until a change of ours; in a cluster, another process's change counts.
    if (next === undefined && this.deps.rescanMs === undefined) return;
    const wait = Math.min(Math.max(0, (next ?? Infinity) - this.now().getTime()), this.longestWait);
    this.timer = setTimeout(() => this.tick(), wait);
    this.timer.unref();
  }

  /** Adopts every open procedure whose deadline has passed with silence unbroken. */
  private settleDue(): void {
    const now = this.now();
    for (const silence of this.deps.procedures.openSilences()) {
      if (Date.parse(silence.deadline) > now.getTime()) continue;
      const settled = this.deps.procedures.settleSilence(
        silence.id,
        { status: 'adopted', at: silence.deadline },
        {
          documentId: silence.documentId,
          actorId: SERVER_ACTOR.id,
          actorName: SERVER_ACTOR.name,
          action: 'silence.adopted',
          subject: silence.id,
          at: now.toISOString(),
          details: { deadline: silence.deadline, versionId: silence.versionId },
        },
      );
      if (!settled) continue;
      const notice = noticeText.adopted(this.deps.titleOf(silence.documentId) ?? '', silence.deadline, silence.timeZone);
      this.deps.notices.send(silence.notify, notice.subject, notice.text);
      this.changed(silence.documentId);
    }
  }

  /** The 24-hour notices of deadlines and silence procedures, each sent once: by whoever records it first. */
  private remindDue(): void {
    const now = this.now();
    const due = (deadline: string) => {
      const left = Date.parse(deadline) - now.getTime();
      return left > 0 && left <= DAY_MS;
    };
    for (const deadline of this.deps.procedures.deadlinesToRemind()) {
      if (!due(deadline.at) || !this.deps.procedures.markDeadlineReminded(deadline.documentId, deadline.at, now.toISOString())) continue;
      const notice = noticeText.deadlineSoon(this.deps.titleOf(deadline.documentId) ?? '', deadline.at, deadline.timeZone);
      this.deps.notices.send(deadline.notify, notice.subject, notice.text);
    }
    for (const silence of this.deps.procedures.openSilences()) {
      if (silence.remindedAt !== null || !due(silence.deadline) || !this.deps.procedures.markSilenceReminded(silence.id, now.toISOString())) continue;
      const notice = noticeText.silenceSoon(this.deps.titleOf(silence.documentId) ?? '', silence.deadline, silence.timeZone);
      this.deps.notices.send(silence.notify, notice.subject, notice.text);
    }
  }

  /** The next moment something falls due: a silence deadline, or the start of a 24-hour notice window. */
  private nextMoment(): number | undefined {
    const now = this.now().getTime();
    const moments: number[] = [];
    for (const silence of this.deps.procedures.openSilences()) {
      const deadline = Date.parse(silence.deadline);
      moments.push(deadline);
      if (silence.remindedAt === null && deadline - DAY_MS > now) moments.push(deadline - DAY_MS);
    }
    for (const deadline of this.deps.procedures.deadlinesToRemind()) {
      const reminder = Date.parse(deadline.at) - DAY_MS;
      if (reminder > now) moments.push(reminder);
    }
    return moments.length > 0 ? Math.min(...moments) : undefined;
  }

  /** Unfreezing would change a text put to silence: the procedure must end (or be withdrawn) first. */
  assertNoOpenSilence(documentId: string): void {
    if (this.deps.procedures.latestSilence(documentId)?.status === 'open') {
      throw new AppError('conflict', 'A silence procedure is open on this document; withdraw it before unfreezing.');
    }
  }

  /** An adopted text is final: neither its deadline nor a new silence procedure may reopen what was agreed. */
  private assertNotAdopted(documentId: string): void {
    this.settleDue();
    if (this.deps.procedures.latestSilence(documentId)?.status === 'adopted') {
      throw new AppError('already_adopted', 'This text was adopted under silence procedure; its deadline and procedure can no longer change.');
    }
  }

  private openSilenceOf(documentId: string): StoredSilence {
    const latest = this.deps.procedures.latestSilence(documentId);
    if (latest?.status !== 'open') throw new AppError('conflict', 'No silence procedure is open on this document.');
    return latest;
  }

  private current(documentId: string): DocumentProcedures {
    const deadline = this.deps.procedures.deadlineOf(documentId);
    const silence = this.deps.procedures.latestSilence(documentId);
    return { deadline: deadline ? presentDeadline(deadline) : null, silence: silence ? presentSilence(silence) : null };
  }

  /** Publishes the document's procedures to the live channel and looks again at when the next one falls due. */
  private changed(documentId: string): DocumentProcedures {
    const procedures = this.current(documentId);
    this.publishProcedures(documentId, procedures);
    if (!this.stopped) {
      // Not from inside tick(): it reschedules itself when done.
      queueMicrotask(() => this.tick());
    }
    return procedures;
  }

  private audit(principal: Principal, documentId: string, action: string, subject: string, details: Record<string, unknown>, at: string): AuditEntry {
    return auditEntry(principal, { documentId, action, subject, at, details });
  }
}
