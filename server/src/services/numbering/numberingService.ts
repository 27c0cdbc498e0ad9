import * as Y from 'yjs';
import type { Numbering } from '../../../../shared/api/numbering.ts';
import { assignStableNumbers, compareStableNumbers, initialNumbers, renumber } from '../../../../shared/domain/stableNumbers.ts';
import {
  readNumbering,
  recommendationOrder,
  writeLock,
  writeNumbers,
  writeRenumbering,
} from '../../../../shared/editor/stableNumbering.ts';
import { AppError } from '../../errors.ts';
import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import { type Principal, auditEntry } from '../access/index.ts';
import type { DocumentService, StoredState } from '../documents/index.ts';

/** The source rooms of documents (the collab relay): the numbers are written as the server's own changes. */
export interface NumberedDocuments extends StoredState {
  applyServerChange(room: string, change: (doc: Y.Doc) => void): void;
  readLoaded<T>(room: string, read: (doc: Y.Doc) => T): T | undefined;
}

export interface NumberingServiceDeps {
  documents: DocumentService;
  live: NumberedDocuments;
  /** Named snapshots around a renumbering (the version service). */
  versions: { create(principal: Principal, documentId: string, name: string): unknown };
  audit: { append(entry: AuditEntry): void };
  /** Failures of the numbering that follows edits, which nobody is waiting for. */
  logFailure(documentId: string, error: unknown): void;
  now?: () => Date;
}

/** The recommendations the server has not numbered yet, in a locked document; none when it is unlocked. */
function unnumbered(doc: Y.Doc) {
  const { numbers } = readNumbering(doc);
  return numbers ? assignStableNumbers(recommendationOrder(doc), numbers) : new Map();
}

/**
 * Stable numbers (docs/decisions/0008-stable-numbers.md): locking, the numbering of every recommendation added after
 * the lock, and the final renumbering. The server is the one authority: it sees every change in the order it stores
 * them and numbers new recommendations in that order, so concurrent inserts at the same place get distinct numbers
 * that never change afterwards.
 */
export class NumberingService {
  private readonly now: () => Date;
  private readonly due = new Set<string>();

  constructor(private readonly deps: NumberingServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  get(principal: Principal, documentId: string): Numbering {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.present(documentId);
  }

  lock(principal: Principal, documentId: string): Numbering {
    this.deps.documents.authorize(principal, documentId, 'numbering.lock');
    const lock = { at: this.now().toISOString(), by: principal.name };
    let already = false;
    this.deps.live.applyServerChange(documentId, (doc) => {
      already = readNumbering(doc).lock !== null;
      if (!already) writeLock(doc, lock, initialNumbers(recommendationOrder(doc)));
    });
    if (already) throw new AppError('conflict', 'The numbering is already locked.');
    this.deps.audit.append(auditEntry(principal, { documentId, action: 'numbering.lock', subject: documentId, at: lock.at, details: {} }));
    return this.present(documentId);
  }

  /** Turns the locked numbers into 1…N in one change, between two named versions. */
  renumber(principal: Principal, documentId: string): Numbering {
    this.deps.documents.authorize(principal, documentId, 'numbering.renumber');
    if (!this.present(documentId).locked) throw new AppError('conflict', 'The numbering is not locked: numbers are positions already.');
    this.deps.versions.create(principal, documentId, 'Before renumbering');
    const at = this.now().toISOString();
    this.deps.live.applyServerChange(documentId, (doc) => {
      const { numbers } = readNumbering(doc);
      if (!numbers) return;
      const order = recommendationOrder(doc);
      const all = new Map([...numbers, ...assignStableNumbers(order, numbers)]);
      writeRenumbering(doc, { at, by: principal.name, rows: renumber(order, all) });
    });
    this.deps.versions.create(principal, documentId, 'Renumbered');
    this.deps.audit.append(auditEntry(principal, { documentId, action: 'numbering.renumber', subject: documentId, at, details: {} }));
    return this.present(documentId);
  }

  /**
   * A change of `room` was stored: number what it added, once the commit that called this is over. Cheap when there
   * is nothing to number (the usual case), so it may follow every change.
   */
  noteChange(room: string): void {
    if (this.due.has(room)) return;
    this.due.add(room);
    setImmediate(() => {
      this.due.delete(room);
      try {
        const pending = this.deps.live.readLoaded(room, (doc) => unnumbered(doc).size > 0);
        if (!pending) return;
        this.deps.live.applyServerChange(room, (doc) => {
          const added = unnumbered(doc);
          if (added.size > 0) writeNumbers(doc, added);
        });
      } catch (error) {
        this.deps.logFailure(room, error);
      }
    });
  }

  private present(documentId: string): Numbering {
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, this.deps.live.storedState(documentId));
      const { lock, numbers, renumbering } = readNumbering(doc);
      const present = new Set(recommendationOrder(doc));
      return {
        locked: lock !== null,
        lockedAt: lock?.at ?? null,
        lockedBy: lock?.by ?? null,
        numbers: [...(numbers ?? [])]
          .sort(([, a], [, b]) => compareStableNumbers(a, b))
          .map(([id, number]) => ({ id, number, deleted: !present.has(id) })),
        renumbering,
      };
    } finally {
      doc.destroy();
    }
  }
}
