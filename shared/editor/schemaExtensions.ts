import { type AnyExtension, Node } from '@tiptap/core';
import { isChangeOrigin } from '@tiptap/extension-collaboration';
import UniqueID from '@tiptap/extension-unique-id';
import StarterKit from '@tiptap/starter-kit';
import { Bracket, type BracketAttributes } from './bracket.ts';
import { ALIGNED_BLOCK_TYPES } from './alignedBlocks.ts';
import { Recommendation } from './recommendationNode.ts';
import { Deletion, Insertion, Modification, type SuggestionAttributes } from './suggestionMarks.ts';

/** Link schemes a document may hold; anything else (javascript:, data:, vbscript: …) is dropped on paste and export. */
export const ALLOWED_LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;

/** Whether `href` is a link Accord keeps: http, https or mailto, however the scheme is disguised. */
export function isAllowedHref(href: string): boolean {
  // Browsers ignore control characters and whitespace inside a scheme, and schemes are case-insensitive.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  const normalized = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  return scheme !== undefined && (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

export interface SchemaOptions {
  /**
   * Whether this editor gives new blocks their stable id. Default true. Read-only editors (observers, frozen
   * documents) pass false: ids they generated could never reach the server, and would leave them with a document that
   * differs from everyone else's and changes that never sync.
   */
  assignIds?: boolean;
  /** Hover text of a suggestion, in the reader's language (browser only). Default: none. */
  describeSuggestion?: (attrs: SuggestionAttributes) => string;
  /** Hover text of bracketed text (browser only). Default: none. */
  describeBracket?: (attrs: BracketAttributes) => string;
  /**
   * What the top node holds, when an editor edits one translated block rather than a document (`translationContent`
   * in alignedBlocks.ts). Default: the document's `block+`.
   */
  documentContent?: string;
}

/**
 * The document schema, defined once: the editor uses it in the browser and the server uses it to seed, render and
 * export without a DOM. Collaboration and presence are added by the client only; they do not change the schema.
 */
export function schemaExtensions({ assignIds = true, describeSuggestion, describeBracket, documentContent }: SchemaOptions = {}): AnyExtension[] {
  const describe = describeSuggestion ?? null;
  return [
    ...(documentContent ? [Node.create({ name: 'doc', topNode: true, content: documentContent })] : []),
    StarterKit.configure({
      document: documentContent ? false : undefined,
      // Undo/redo comes from the Yjs undo manager, which undoes only the user's own changes.
      undoRedo: false,
      code: false,
      codeBlock: false,
      horizontalRule: false,
      strike: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isAllowedHref(url),
      },
    }),
    Recommendation,
    // Proposals and brackets of the negotiation (docs/decisions/0002-suggestions.md).
    Insertion.configure({ describe }),
    Deletion.configure({ describe }),
    Modification.configure({ describe }),
    Bracket.configure({ describe: describeBracket ?? null }),
    // Recommendations and every other top-level block keep a stable id: comments and statuses, and the alignment of
    // language versions, follow a block through edits and moves.
    UniqueID.configure({
      types: ALIGNED_BLOCK_TYPES,
      updateDocument: assignIds,
      // Ids arriving from peers are kept as they are; otherwise every client would rewrite the others' ids.
      filterTransaction: (transaction) => !isChangeOrigin(transaction),
    }),
  ];
}
