import type { Logger } from 'pino';
import * as Y from 'yjs';
import { type BlockConfirmation, LANGUAGE_EVENTS, type LanguageList, type LanguageVersionSummary, type VersionBlockList } from '../../../../shared/api/languages.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { canWriteText } from '../../../../shared/domain/textAccess.ts';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { languageRoomName } from '../../../../shared/protocol/languageRooms.ts';
import { AppError } from '../../errors.ts';
import type { LanguageRepository } from '../../storage/languageRepository.ts';
import type { DocumentService } from '../documents/index.ts';
import { loadEditorKit } from '../../infrastructure/editorKit/loadEditorKit.ts';
import { type Principal, textEditorIn } from '../access/index.ts';
import type { StoredState } from '../documents/index.ts';
import type { LiveChannel, LivePublish } from '../liveChannel/index.ts';
import type { AlignedVersion } from './alignedVersion.ts';

/** The open rooms (the collab relay). */
export interface LiveRooms extends StoredState {
  /** Applies a server-made change to a room: stored, then relayed to its open editors. */
  applyServerChange(room: string, change: (doc: Y.Doc) => void): void;
  /** Closes the sockets of one room with `code`; clients reconnect and are checked anew. */
  closeRoom(room: string, code: number, reason: string): void;
}

export interface LanguageServiceDeps {
  documents: DocumentService;
  languages: LanguageRepository;
  live: LiveRooms;
  /** Where the counts of every version go live to every member (the languages events). */
  channel: LiveChannel;
  logger: Logger;
  now?: () => Date;
}

/** Counting parses the source and every version: after a change, at most this often per document. */
const RECOUNT_DELAY_MS = 300;

/**
 * Language versions of a document: adding and removing them, the source language, confirmations and the statuses
 * of every version block (docs/decisions/0004-language-versions.md).
 */
export class LanguageService {
  private readonly now: () => Date;
  private readonly publishList: LivePublish<LanguageList>;
  /** Per document: the list last sent on the live channel, and a recount already scheduled. */
  private readonly published = new Map<string, string>();
  private readonly recounts = new Map<string, NodeJS.Timeout>();

  constructor(private readonly deps: LanguageServiceDeps) {
    this.now = deps.now ?? (() => new Date());
    this.publishList = deps.channel.register<LanguageList>({
      snapshotEvent: LANGUAGE_EVENTS.snapshot,
      changeEvent: LANGUAGE_EVENTS.changed,
      snapshot: (principal, documentId) => {
        const { document } = this.deps.documents.authorize(principal, documentId, 'document.read');
        return this.summary(documentId, document.sourceLanguage);
      },
      // Every member sees every version's counts (GET …/languages says the same).
      mayReceive: () => true,
      // Counts another process sent are what this one's streams show now: only a different count is worth sending.
      received: (documentId, list) => this.published.set(documentId, JSON.stringify(list)),
    });
  }

  async list(principal: Principal, documentId: string): Promise<LanguageList> {
    const { document } = this.deps.documents.authorize(principal, documentId, 'document.read');
    return this.summary(documentId, document.sourceLanguage);
  }

  /**
   * Says that a text of the document (its source or a version) changed: its counts are computed again shortly, and
   * sent on the live channel if they moved and someone is watching.
   */
  noteChange(documentId: string): void {
    if (this.recounts.has(documentId) || !this.deps.channel.isWatched(documentId)) return;
    const timer = setTimeout(() => {
      this.recounts.delete(documentId);
      // Counts that cannot be computed now (a version being written as the server closes) wait for the next change.
      this.publish(documentId).catch((error: unknown) => this.deps.logger.warn({ err: error, documentId }, 'language counts not sent'));
    }, RECOUNT_DELAY_MS);
    timer.unref();
    this.recounts.set(documentId, timer);
  }

  /** Stops the scheduled recounts (the server is closing). */
  close(): void {
    for (const timer of this.recounts.values()) clearTimeout(timer);
    this.recounts.clear();
  }

  private async publish(documentId: string): Promise<void> {
    const source = this.deps.documents.sourceLanguageOf(documentId);
    if (!source || !this.deps.channel.isWatched(documentId)) {
      this.published.delete(documentId);
      return;
    }
    const list = await this.summary(documentId, source);
    const json = JSON.stringify(list);
    if (this.published.get(documentId) === json) return;
    this.published.set(documentId, json);
    this.publishList(documentId, list);
  }

  private async summary(documentId: string, source: LanguageCode): Promise<LanguageList> {
    const versions: LanguageVersionSummary[] = [];
    for (const language of this.deps.languages.versionsOf(documentId)) {
      const { countStatuses } = await loadEditorKit();
      versions.push({ language, ...countStatuses((await this.aligned(documentId, language)).rows) });
    }
    return { source, versions };
  }

  async add(principal: Principal, documentId: string, language: LanguageCode): Promise<LanguageVersionSummary> {
    const { document } = this.deps.documents.authorize(principal, documentId, 'document.manage');
    if (language === document.sourceLanguage) {
      throw new AppError('bad_request', `${language} is the source language of this document, not a version of it.`);
    }
    if (this.deps.languages.versionsOf(documentId).includes(language)) {
      throw new AppError('conflict', `This document already has a ${language} version.`);
    }
    // Every source block needs its id before it can be aligned; blocks written before ids were given to all get one.
    const { giveBlockIds, countStatuses } = await loadEditorKit();
    this.deps.live.applyServerChange(documentId, (doc) => giveBlockIds(doc));
    if (!this.deps.languages.add(documentId, language, this.now().toISOString())) {
      throw new AppError('conflict', `This document already has a ${language} version.`);
    }
    this.noteChange(documentId);
    return { language, ...countStatuses((await this.aligned(documentId, language)).rows) };
  }

  remove(principal: Principal, documentId: string, language: LanguageCode): void {
    this.deps.documents.authorize(principal, documentId, 'document.manage');
    if (!this.deps.languages.remove(documentId, language, this.now().toISOString())) {
      throw new AppError('not_found', `This document has no ${language} version.`);
    }
    this.deps.live.closeRoom(languageRoomName(documentId, language), CloseCode.accessChanged, 'language version removed');
    this.noteChange(documentId);
  }

  setSourceLanguage(principal: Principal, documentId: string, language: LanguageCode): void {
    this.deps.documents.authorize(principal, documentId, 'document.manage');
    if (!this.deps.languages.setSourceLanguage(documentId, language)) {
      throw new AppError('conflict', 'The source language cannot change while the document has language versions.');
    }
    this.noteChange(documentId);
  }

  /** Refuses (404) a language that is not a current version of the document. */
  requireVersion(documentId: string, language: LanguageCode): void {
    if (!this.deps.languages.versionsOf(documentId).includes(language)) {
      throw new AppError('not_found', `This document has no ${language} version.`);
    }
  }

  /** The current language versions of a document. */
  versionsOf(documentId: string): LanguageCode[] {
    return this.deps.languages.versionsOf(documentId);
  }

  /**
   * Confirms a translated block against the source's current wording, as stored: for scripts; the side-by-side view
   * writes the same confirmation into the version's Yjs document itself, so that it works offline too.
   */
  async confirm(principal: Principal, documentId: string, language: LanguageCode, blockId: string): Promise<BlockConfirmation> {
    const editor = textEditorIn(principal, documentId);
    const { document } = this.deps.documents.authorize(principal, documentId, 'document.read');
    this.requireVersion(documentId, language);
    if (!editor || !canWriteText(editor, language, document)) {
      throw new AppError('forbidden', document.frozen ? 'The document is frozen.' : `Your role does not allow writing the ${language} version.`);
    }
    const row = (await this.aligned(documentId, language)).rows.find((candidate) => candidate.id === blockId);
    if (!row) throw new AppError('not_found', 'The source has no block with this id.');
    const { blockWording, confirm } = await loadEditorKit();
    if (!row.translation || blockWording(row.translation).length === 0) {
      throw new AppError('conflict', 'This block has no translation to confirm yet.');
    }
    const confirmation = { source: blockWording(row.source), by: principal.name, at: this.now().toISOString() };
    this.deps.live.applyServerChange(languageRoomName(documentId, language), (doc) => confirm(doc, blockId, confirmation));
    return { blockId, language, ...confirmation };
  }

  /** Everything accepted so far in a version's room, stored first (for exports). */
  versionState(documentId: string, language: LanguageCode): Uint8Array {
    return this.deps.live.storedState(languageRoomName(documentId, language));
  }

  /** Every source block with its status in `language`: what a translator or the organiser still has to do. */
  async blocks(principal: Principal, documentId: string, language: LanguageCode): Promise<VersionBlockList> {
    this.deps.documents.authorize(principal, documentId, 'document.read');
    this.requireVersion(documentId, language);
    const { versionBlockList } = await loadEditorKit();
    return { language, blocks: versionBlockList(await this.aligned(documentId, language)) };
  }

  /** How many blocks of a version need update or are untranslated: what a final export of it lacks. */
  async incompleteBlocks(documentId: string, language: LanguageCode): Promise<number> {
    return (await this.aligned(documentId, language)).rows.filter((row) => row.status !== 'upToDate').length;
  }

  /** The source beside one version, aligned block by block with statuses, from what is stored. */
  async aligned(documentId: string, language: LanguageCode): Promise<AlignedVersion> {
    const { alignStoredVersion } = await loadEditorKit();
    return alignStoredVersion(
      this.deps.live.storedState(documentId),
      this.deps.live.storedState(languageRoomName(documentId, language)),
    );
  }
}
