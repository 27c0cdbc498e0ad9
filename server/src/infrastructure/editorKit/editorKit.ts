/**
 * The editor code only some requests need on the server: Tiptap's schema, ProseMirror and y-tiptap, to decide
 * proposals, to view, compare and restore versions, and to seed the demo. Import it through `loadEditorKit`, never
 * statically, so that a server that only relays never loads it (~5 MiB of memory, docs/performance.md).
 */
export { prosemirrorJSONToYDoc, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
export { decideSuggestions, listBrackets, listSuggestions, removeBracket } from '../../../../shared/editor/suggestionChanges.ts';
export { EDITOR_FRAGMENT, editorSchema, proseMirrorOf } from './editorSchema.ts';
export { compareDocuments } from '../../services/versions/compareDocuments.ts';
export { replaceRecommendationWording } from '../../../../shared/editor/recommendationWording.ts';
export { blockWording } from '../../../../shared/editor/alignedBlocks.ts';
export { confirm, countStatuses } from '../../../../shared/editor/translationStatus.ts';
export { alignStoredVersion, giveBlockIds, restoreVersionText, versionBlockList } from '../../services/languages/alignedVersion.ts';
export { versionDocument } from '../../services/export/versionDocument.ts';
