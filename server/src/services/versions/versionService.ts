import type * as Y from 'yjs';
import type { Version, VersionComparison, VersionContent } from '../../../../shared/api/versions.ts';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { AppError } from '../../errors.ts';
import type { DocumentRepository } from '../../storage/documentRepository.ts';
import type { VersionKind, VersionRepository } from '../../storage/versionRepository.ts';
import type { DocumentService, StoredState } from '../documents/index.ts';
import { loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import type { Principal } from '../access/index.ts';
import { newId } from '../../infrastructure/tokens.ts';

/** The open editors of documents (the collab relay). */
export interface LiveDocuments extends StoredState {
  /** Applies a server-made change: stored, then relayed to open editors. */
  applyServerChange(documentId: string, change: (doc: Y.Doc) => void): void;
  /** Closes every socket of a document with `code`; clients reconnect on their own. */
  closeDocument(documentId: string, code: number, reason: string): void;
}

export interface VersionServiceDeps {
  versions: VersionRepository;
  documents: DocumentService;
  documentRows: DocumentRepository;
  live: LiveDocuments;
  /** An automatic snapshot is taken at most this often while a document changes. */
  autoSnapshotIntervalMs: number;
  /** Throws when the document may not be unfrozen now (a silence procedure is open on its text). */
  beforeUnfreeze?(documentId: string): void;
  now?: () => Date;
}

/** "Compare with now" uses this id in place of a version id. */
export const CURRENT = 'current';

/** Snapshots (automatic, named, at freeze, before a restore), viewing, comparing, restoring and freezing. */
export class VersionService {
  private readonly lastAutoSnapshot = new Map<string, number>();
  private readonly now: () => Date;

  constructor(private readonly deps: VersionServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  list(principal: Principal, documentId: string): Version[] {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.deps.versions.list(documentId);
  }

  create(principal: Principal, documentId: string, name: string): Version {
    this.deps.documents.authorize(principal, documentId, 'snapshot.create');
    return this.snapshot(documentId, 'named', name, principal);
  }

  async content(principal: Principal, documentId: string, versionId: string): Promise<VersionContent> {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    const { proseMirrorOf } = await loadEditorKit();
    const version = this.requireVersion(documentId, versionId);
    return { version, content: proseMirrorOf(this.deps.versions.state(documentId, versionId)!).toJSON() };
  }

  async compare(principal: Principal, documentId: string, from: string, to: string): Promise<VersionComparison> {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    const { compareDocuments, proseMirrorOf } = await loadEditorKit();
    const older = proseMirrorOf(this.stateOf(documentId, from));
    const newer = proseMirrorOf(this.stateOf(documentId, to));
    return { from, to, ...compareDocuments(older, newer) };
  }

  /**
   * Makes a version the current text, as a new change on top of the history (nothing is rewritten): the current text
   * is snapshotted first, then the document is changed to match the version and every open editor follows.
   */
  async restore(principal: Principal, documentId: string, versionId: string): Promise<Version> {
    this.deps.documents.authorize(principal, documentId, 'snapshot.restore');
    const { EDITOR_FRAGMENT, proseMirrorOf, updateYFragment } = await loadEditorKit();
    const version = this.requireVersion(documentId, versionId);
    const target = proseMirrorOf(this.deps.versions.state(documentId, versionId)!);
    const before = this.snapshot(documentId, 'restore', version.name ?? version.createdAt, principal);
    this.deps.live.applyServerChange(documentId, (doc) => {
      updateYFragment(doc, doc.getXmlFragment(EDITOR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    return before;
  }

  /** Freezing takes a final snapshot; the document is then read-only for every role until unfrozen. */
  setFrozen(principal: Principal, documentId: string, frozen: boolean): Version | undefined {
    this.deps.documents.authorize(principal, documentId, 'document.freeze');
    if (!frozen) this.deps.beforeUnfreeze?.(documentId);
    const version = frozen ? this.snapshot(documentId, 'freeze', 'Frozen', principal) : undefined;
    this.deps.documentRows.setFrozen(documentId, frozen);
    this.deps.live.closeDocument(documentId, CloseCode.accessChanged, frozen ? 'document frozen' : 'document unfrozen');
    return version;
  }

  /** After a stored change: an automatic snapshot if the last one is older than the interval. */
  noteActivity(documentId: string): void {
    const last = this.lastAutoSnapshot.get(documentId);
    const now = this.now().getTime();
    if (last === undefined) {
      // The first change after a (re)load starts the period rather than snapshotting at once.
      this.lastAutoSnapshot.set(documentId, now);
    } else if (now - last >= this.deps.autoSnapshotIntervalMs) {
      this.autoSnapshot(documentId);
    }
  }

  /** An automatic snapshot, unless the text is exactly what the latest snapshot holds. */
  autoSnapshot(documentId: string): Version | undefined {
    this.lastAutoSnapshot.set(documentId, this.now().getTime());
    const state = this.currentState(documentId);
    const latest = this.deps.versions.latestState(documentId);
    if (latest && Buffer.from(latest).equals(state)) return undefined;
    return this.store(documentId, 'auto', null, null, state);
  }

  private snapshot(documentId: string, kind: VersionKind, name: string | null, principal: Principal): Version {
    return this.store(documentId, kind, name, principal, this.currentState(documentId));
  }

  private store(documentId: string, kind: VersionKind, name: string | null, principal: Principal | null, state: Uint8Array): Version {
    const version = {
      id: newId(),
      documentId,
      kind,
      name,
      createdBy: principal?.name ?? null,
      createdByDelegation: principal?.delegation ?? null,
      createdAt: this.now().toISOString(),
    };
    this.deps.versions.insert(version, state);
    return this.deps.versions.get(documentId, version.id)!;
  }

  private currentState(documentId: string): Uint8Array {
    return this.deps.live.storedState(documentId);
  }

  private stateOf(documentId: string, versionId: string): Uint8Array {
    if (versionId === CURRENT) return this.currentState(documentId);
    this.requireVersion(documentId, versionId);
    return this.deps.versions.state(documentId, versionId)!;
  }

  private requireVersion(documentId: string, versionId: string): Version {
    const version = this.deps.versions.get(documentId, versionId);
    if (!version) throw new AppError('not_found', 'No such version of this document.');
    return version;
  }
}
