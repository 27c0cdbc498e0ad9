import type * as Y from 'yjs';
import type { Version, VersionComparison, VersionContent } from '../../../../shared/api/versions.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { languageRoomName } from '../../../../shared/protocol/languageRooms.ts';
import { AppError } from '../../errors.ts';
import type { DocumentRepository } from '../../storage/documentRepository.ts';
import type { LanguageStates, VersionKind, VersionRepository } from '../../storage/versionRepository.ts';
import type { DocumentService, StoredState } from '../documents/index.ts';
import { loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import type { Principal } from '../access/index.ts';
import { newId } from '../../infrastructure/tokens.ts';
import type { JobLocks } from '../jobs/index.ts';
import { lockedNumbersOfState } from '../../../../shared/editor/stableNumbering.ts';

/** The open editors of documents (the collab relay). */
export interface LiveDocuments extends StoredState {
  /** Applies a server-made change to a room (a document's source, or a language version): stored, then relayed. */
  applyServerChange(room: string, change: (doc: Y.Doc) => void): void;
  /** Closes every socket of a document with `code`; clients reconnect on their own. */
  closeDocument(documentId: string, code: number, reason: string): void;
}

export interface VersionServiceDeps {
  versions: VersionRepository;
  documents: DocumentService;
  documentRows: DocumentRepository;
  live: LiveDocuments;
  /** A document's current language versions: a snapshot holds each one's text too. */
  languages: { versionsOf(documentId: string): LanguageCode[] };
  /** An automatic snapshot is taken at most this often while a document changes. */
  autoSnapshotIntervalMs: number;
  /** Turns with the other processes of a cluster: one automatic snapshot of a document at a time, each reading the last. */
  jobs: JobLocks;
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

  /** A snapshot's text: the source's, or (`language`) that version's as it stood then, aligned on the source then. */
  async content(principal: Principal, documentId: string, versionId: string, language?: LanguageCode): Promise<VersionContent> {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    const version = this.requireVersion(documentId, versionId);
    const { doc, numbers } = await this.textOf(documentId, versionId, language);
    return { version, content: doc.toJSON(), numbers: numbers && [...numbers].map(([id, number]) => ({ id, number })) };
  }

  /** Compares two snapshots (or one with `current`): the source, or (`language`) that version's text. */
  async compare(principal: Principal, documentId: string, from: string, to: string, language?: LanguageCode): Promise<VersionComparison> {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    const { compareDocuments } = await loadEditorKit();
    const older = await this.textOf(documentId, from, language);
    const newer = await this.textOf(documentId, to, language);
    return { from, to, ...compareDocuments(older, newer) };
  }

  /**
   * Makes a version the current text, as a new change on top of the history (nothing is rewritten): the current text
   * is snapshotted first, then the document is changed to match the version and every open editor follows.
   */
  async restore(principal: Principal, documentId: string, versionId: string): Promise<Version> {
    this.deps.documents.authorize(principal, documentId, 'snapshot.restore');
    const { EDITOR_FRAGMENT, proseMirrorOf, restoreVersionText, updateYFragment } = await loadEditorKit();
    const version = this.requireVersion(documentId, versionId);
    const target = proseMirrorOf(this.deps.versions.state(documentId, versionId)!);
    const before = this.snapshot(documentId, 'restore', version.name ?? version.createdAt, principal);
    this.deps.live.applyServerChange(documentId, (doc) => {
      updateYFragment(doc, doc.getXmlFragment(EDITOR_FRAGMENT), target, { mapping: new Map(), isOMark: new Map() });
    });
    // Each language version the snapshot holds comes back with it; one added since is left as it is (and is in `before`).
    const current = this.deps.languages.versionsOf(documentId);
    for (const [language, state] of this.deps.versions.languageStates(documentId, versionId)) {
      if (current.includes(language)) this.deps.live.applyServerChange(languageRoomName(documentId, language), (doc) => restoreVersionText(doc, state));
    }
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

  /**
   * After a stored change: an automatic snapshot if the last one is older than the interval. The last one may have been
   * taken by another process of a cluster editing the same document: then that period is taken and this process waits
   * for the next one.
   */
  noteActivity(documentId: string): void {
    const last = this.lastAutoSnapshot.get(documentId);
    const now = this.now().getTime();
    if (last === undefined) {
      // The first change after a (re)load starts the period rather than snapshotting at once.
      this.lastAutoSnapshot.set(documentId, now);
    } else if (now - last >= this.deps.autoSnapshotIntervalMs) {
      this.deps.jobs.exclusively(snapshotJob(documentId), () => {
        const taken = this.deps.versions.latestAutoAt(documentId);
        const takenAt = taken === undefined ? undefined : Date.parse(taken);
        if (takenAt !== undefined && now - takenAt < this.deps.autoSnapshotIntervalMs) this.lastAutoSnapshot.set(documentId, takenAt);
        else this.takeAutoSnapshot(documentId);
      });
    }
  }

  /** An automatic snapshot, unless the source and every version are exactly what the latest snapshot holds. */
  autoSnapshot(documentId: string): Version | undefined {
    return this.deps.jobs.exclusively(snapshotJob(documentId), () => this.takeAutoSnapshot(documentId));
  }

  /** Within the document's turn, so that the latest snapshot compared with is the latest of the whole cluster. */
  private takeAutoSnapshot(documentId: string): Version | undefined {
    this.lastAutoSnapshot.set(documentId, this.now().getTime());
    const state = this.currentState(documentId);
    const languages = this.languageStates(documentId);
    const latest = this.deps.versions.latestId(documentId);
    if (latest && sameStates(this.deps.versions.state(documentId, latest)!, this.deps.versions.languageStates(documentId, latest), state, languages)) {
      return undefined;
    }
    return this.store(documentId, 'auto', null, null, state, languages);
  }

  private snapshot(documentId: string, kind: VersionKind, name: string | null, principal: Principal): Version {
    return this.store(documentId, kind, name, principal, this.currentState(documentId), this.languageStates(documentId));
  }

  private store(
    documentId: string,
    kind: VersionKind,
    name: string | null,
    principal: Principal | null,
    state: Uint8Array,
    languages: LanguageStates,
  ): Version {
    const version = {
      id: newId(),
      documentId,
      kind,
      name,
      createdBy: principal?.name ?? null,
      createdByDelegation: principal?.delegation ?? null,
      createdAt: this.now().toISOString(),
    };
    this.deps.versions.insert(version, state, languages);
    return this.deps.versions.get(documentId, version.id)!;
  }

  /** Everything accepted so far in a room (a document's source, or a language version), stored first. */
  private currentState(room: string): Uint8Array {
    return this.deps.live.storedState(room);
  }

  /** Every current language version's state, as accepted so far (stored first). */
  private languageStates(documentId: string): LanguageStates {
    return new Map(this.deps.languages.versionsOf(documentId).map((language) => [language, this.currentState(languageRoomName(documentId, language))]));
  }

  /**
   * The text of a snapshot or of `current` as a document of the editor schema: the source's, or a language version's
   * (the source's blocks of that moment with their translations; 404 when the snapshot holds no such version).
   */
  private async textOf(documentId: string, versionId: string, language: LanguageCode | undefined) {
    const { editorSchema, proseMirrorOf, versionDocument } = await loadEditorKit();
    const current = versionId === CURRENT;
    if (!current) this.requireVersion(documentId, versionId);
    const sourceState = current ? this.currentState(documentId) : this.deps.versions.state(documentId, versionId)!;
    const source = proseMirrorOf(sourceState);
    // A language version is numbered as its source was then.
    const numbers = lockedNumbersOfState(sourceState);
    if (!language) return { doc: source, numbers };
    const state = current
      ? this.deps.languages.versionsOf(documentId).includes(language)
        ? this.currentState(languageRoomName(documentId, language))
        : undefined
      : this.deps.versions.languageStates(documentId, versionId).get(language);
    if (!state) throw new AppError('not_found', `This text has no ${language} version.`);
    return { doc: versionDocument(source, state, editorSchema()), numbers };
  }

  private requireVersion(documentId: string, versionId: string): Version {
    const version = this.deps.versions.get(documentId, versionId);
    if (!version) throw new AppError('not_found', 'No such version of this document.');
    return version;
  }
}

const snapshotJob = (documentId: string) => `auto-snapshot:${documentId}`;

/** Whether a snapshot holds exactly these states: the source's and the same language versions', byte for byte. */
function sameStates(state: Uint8Array, languages: LanguageStates, otherState: Uint8Array, otherLanguages: LanguageStates): boolean {
  if (!Buffer.from(state).equals(otherState) || languages.size !== otherLanguages.size) return false;
  return [...languages].every(([language, languageState]) => {
    const other = otherLanguages.get(language);
    return other !== undefined && Buffer.from(languageState).equals(other);
  });
}
