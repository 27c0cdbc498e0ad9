import { type DocumentMetadata, EMPTY_METADATA } from '../../../../shared/api/documentMetadata.ts';
import type { RecommendationAlternatives } from '../../../../shared/api/alternatives.ts';
import type { CompilationNotes } from '../../../../shared/api/compilation.ts';
import type { ExportQuery } from '../../../../shared/api/export.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { SilenceProcedure } from '../../../../shared/api/procedures.ts';
import type { VersionKind } from '../../../../shared/api/versions.ts';
import { AppError } from '../../errors.ts';
import type { DocumentService, StoredState } from '../documents/index.ts';
import type { Principal } from '../access/index.ts';
import { exportLabels } from './exportLabels.ts';
import { silenceStatusLine } from './procedureStatus.ts';
import type { AnnexConsensus, AnnexThread, Publication } from './exportModel.ts';
import type { ExportFile, ExportInput, ExportText } from './renderExport.ts';

/** The saved versions of a document (the version repository): their states, and what the title block says of them. */
export interface VersionStates {
  state(documentId: string, versionId: string): Uint8Array | undefined;
  get(documentId: string, versionId: string): { kind: VersionKind; name: string | null; createdAt: string } | undefined;
  /** Newest first. */
  list(documentId: string): { kind: VersionKind; createdAt: string }[];
}

/** The organiser's metadata of a document. */
export interface MetadataSource {
  metadata(documentId: string): DocumentMetadata;
}

/** The comment threads `principal` may read in a document, as the annex shows them. */
export interface AnnexThreadSource {
  annexThreads(principal: Principal, documentId: string): AnnexThread[];
}

/** The consensus statuses `principal` may read in a document, for the annex. */
export interface AnnexConsensusSource {
  annexConsensus(principal: Principal, documentId: string): AnnexConsensus[];
}

/** Every alternative of a document's recommendations `principal` may read (all of them, to a member). */
export interface AlternativeSource {
  list(principal: Principal, documentId: string): RecommendationAlternatives[];
}

/** The compilation's NOC marks and justifications `principal` may read. */
export interface CompilationNotesSource {
  notes(principal: Principal, documentId: string): CompilationNotes;
}

/** The document's latest silence procedure, for the status line under the title. */
export interface SilenceSource {
  silenceOf(documentId: string): SilenceProcedure | undefined;
}

/** A document's language versions, for exports of them (the language service). */
export interface LanguageTexts {
  versionsOf(documentId: string): LanguageCode[];
  /** Everything accepted so far in a version's room, stored first. */
  versionState(documentId: string, language: LanguageCode): Uint8Array;
  /** How many blocks of a version need update or are untranslated, from what is stored. */
  incompleteBlocks(documentId: string, language: LanguageCode): Promise<number>;
}

/** Renders an export file; `signal` tells it the file is no longer wanted. */
export type RenderExport = (input: ExportInput, signal?: AbortSignal) => Promise<ExportFile>;

export interface ExportServiceDeps {
  documents: DocumentService;
  /** The current text: the one reader of stored document state (the relay), which stores pending changes first. */
  stored: StoredState;
  versions: VersionStates;
  threads: AnnexThreadSource;
  /** Statuses for the annex and reservations for the footnotes; without it there are neither. */
  consensus?: AnnexConsensusSource;
  /** Open alternatives under their recommendations, decided ones in the annex; without it there are none. */
  alternatives?: AlternativeSource;
  /** NOC marks and justifications for `kind=compilation`; without it the compilation has none. */
  compilation?: CompilationNotesSource;
  /** The silence procedure behind the status line; without it exports have none. */
  silence?: SilenceSource;
  /** Without it, exports have no event line and the title as running header. */
  metadata?: MetadataSource;
  /** Language versions; without it only the source is exported. */
  languages?: LanguageTexts;
  /** In the server, the export worker pool: rendering is seconds of CPU that must not block the relay. */
  render: RenderExport;
}

export interface NamedExportFile extends ExportFile {
  /** The download's name without extension: the document's title, and the kind in the export's language. */
  baseName: string;
  /**
   * For the clean text of a language version (or a parallel text): how many of its blocks need update or are
   * untranslated; sent as `Accord-Translation-Incomplete` when above zero.
   */
  incomplete: number;
}

/** Exports of a document for any of its members, from what is stored (every accepted update is stored before relay). */
export class ExportService {
  constructor(
    private readonly deps: ExportServiceDeps,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async export(principal: Principal, documentId: string, query: ExportQuery, signal?: AbortSignal): Promise<NamedExportFile> {
    const { document } = this.deps.documents.authorize(principal, documentId, 'export');
    // The source's column first, whatever the order asked; the versions in the order given.
    const languages = (query.text ?? [document.sourceLanguage]).toSorted((a, b) => Number(b === document.sourceLanguage) - Number(a === document.sourceLanguage));
    const versions = languages.filter((language) => language !== document.sourceLanguage);
    const known = this.deps.languages?.versionsOf(documentId) ?? [];
    const missing = versions.find((language) => !known.includes(language));
    if (missing) throw new AppError('not_found', `This document has no ${missing} version.`);
    if (versions.length > 0 && query.version !== undefined) {
      throw new AppError('bad_request', 'Saved versions are exported in the source language only.');
    }
    // Each text's labels in its own language, unless one was asked for: the Arabic column says "التوصية 2".
    const texts: ExportText[] = languages.map((language) => ({
      language,
      labelLanguage: query.lang ?? language,
      ...(language === document.sourceLanguage ? {} : { versionState: this.deps.languages!.versionState(documentId, language) }),
    }));
    let incomplete = 0;
    if (query.kind === 'clean') {
      for (const language of versions) incomplete += await this.deps.languages!.incompleteBlocks(documentId, language);
    }
    const labelLanguage = query.lang ?? languages[0]!;
    // Only the threads this person may see, and of the texts exported: a version's annex has the threads on its text.
    const threads =
      query.kind === 'clean' || query.kind === 'compilation'
        ? undefined
        : this.deps.threads.annexThreads(principal, documentId).filter((thread) => languages.includes(thread.language ?? document.sourceLanguage));
    const alternatives = query.version === undefined ? this.deps.alternatives?.list(principal, documentId) : undefined;
    const file = await this.deps.render(
      {
        title: document.title,
        statusLine: silenceStatusLine(this.deps.silence?.silenceOf(documentId), labelLanguage),
        state: this.stateOf(documentId, query.version),
        texts,
        format: query.format,
        language: labelLanguage,
        annex: query.kind === 'annex' ? threads : undefined,
        consensus: this.deps.consensus?.annexConsensus(principal, documentId),
        alternatives,
        ...(query.kind === 'compilation'
          ? { compilation: { notes: this.deps.compilation?.notes(principal, documentId) ?? { noChange: [], justifications: [] }, alternatives: alternatives ?? [] } }
          : {}),
        review: query.kind === 'review' ? threads : undefined,
        publication: this.publication(documentId, query.version, document.frozen),
      },
      signal,
    );
    const suffix = query.kind === 'clean' ? undefined : exportLabels(labelLanguage).fileSuffix[query.kind];
    const title = query.text ? `${document.title} (${languages.join('-').toUpperCase()})` : document.title;
    return { ...file, baseName: suffix ? `${title} - ${suffix}` : title, incomplete };
  }

  private publication(documentId: string, versionId: string | undefined, frozen: boolean): Publication {
    const version = versionId === undefined ? undefined : this.deps.versions.get(documentId, versionId);
    return {
      documentId,
      metadata: this.deps.metadata?.metadata(documentId) ?? EMPTY_METADATA,
      version: version
        ? { kind: version.kind, name: version.name, at: version.createdAt }
        : { kind: 'current', name: null, at: this.now().toISOString() },
      adoptedAt: this.adoptedAt(documentId, frozen),
    };
  }

  /**
   * When the text was adopted, if it was. Under a silence procedure the procedure decides: adopted when silence held,
   * not adopted while it runs or once it is broken (the status line says which). Without one, a text frozen as final
   * was adopted when the latest freeze was taken.
   */
  private adoptedAt(documentId: string, frozen: boolean): string | null {
    if (!frozen) return null;
    const silence = this.deps.silence?.silenceOf(documentId);
    if (silence && silence.status !== 'withdrawn') return silence.status === 'adopted' ? (silence.settledAt ?? silence.deadline) : null;
    return this.deps.versions.list(documentId).find((entry) => entry.kind === 'freeze')?.createdAt ?? null;
  }

  private stateOf(documentId: string, versionId: string | undefined): Uint8Array {
    if (versionId !== undefined) {
      const version = this.deps.versions.state(documentId, versionId);
      if (!version) throw new AppError('not_found', 'No such version of this document.');
      return version;
    }
    return this.deps.stored.storedState(documentId);
  }
}
