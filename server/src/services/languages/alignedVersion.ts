import { randomUUID } from 'node:crypto';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import * as Y from 'yjs';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type { VersionBlock } from '../../../../shared/api/languages.ts';
import { ALIGNED_BLOCK_TYPES, blockWording } from '../../../../shared/editor/alignedBlocks.ts';
import { recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import type { StableNumber } from '../../../../shared/domain/stableNumbers.ts';
import { lockedNumbersOfState } from '../../../../shared/editor/stableNumbering.ts';
import { CONFIRMATIONS_MAP, blockFragmentName } from '../../../../shared/protocol/languageRooms.ts';
import { alignVersion, type AlignedRow } from '../../../../shared/editor/translationStatus.ts';
import { EDITOR_FRAGMENT, editorSchema, proseMirrorOf } from '../../infrastructure/editorKit/editorSchema.ts';

export interface AlignedVersion {
  source: ProseMirrorNode;
  /** The source's locked numbers (ADR 0008), which a language version shares; null while numbers are positions. */
  numbers: ReadonlyMap<string, StableNumber> | null;
  rows: AlignedRow[];
}

/** The stored source beside the stored version, block by block with statuses. */
export function alignStoredVersion(sourceState: Uint8Array, versionState: Uint8Array): AlignedVersion {
  const source = proseMirrorOf(sourceState);
  const version = new Y.Doc();
  try {
    Y.applyUpdate(version, versionState);
    return { source, numbers: lockedNumbersOfState(sourceState), rows: alignVersion(source, version, editorSchema()) };
  } finally {
    version.destroy();
  }
}

/** Words of a block's excerpt: enough to recognise it in a list. */
const EXCERPT_WORDS = 12;

/** The rows of an aligned version as people list them: recommendation numbers, first words and statuses. */
export function versionBlockList({ source, numbers: locked, rows }: AlignedVersion): VersionBlock[] {
  const numbers = recommendationNumbers(source, locked);
  const numberOf = new Map<ProseMirrorNode, StableNumber>();
  source.forEach((node, offset) => {
    const shown = numbers.get(offset);
    if (shown !== undefined) numberOf.set(node, shown.number);
  });
  return rows.map((row) => {
    const words = blockWording(row.source).split(/\s+/);
    const excerpt = words.slice(0, EXCERPT_WORDS).join(' ') + (words.length > EXCERPT_WORDS ? ' …' : '');
    return { blockId: row.id, recommendation: numberOf.get(row.source) ?? null, excerpt, status: row.status };
  });
}

/**
 * Gives every top-level block of the source its own id: blocks written before all kinds had one, and later copies of
 * an id. Alignment keys translations by these ids; ids a browser gives concurrently win or lose as one attribute.
 */
export function giveBlockIds(doc: Y.Doc): void {
  const seen = new Set<string>();
  for (const child of doc.getXmlFragment(EDITOR_FRAGMENT).toArray()) {
    if (!(child instanceof Y.XmlElement) || !ALIGNED_BLOCK_TYPES.includes(child.nodeName)) continue;
    const id = child.getAttribute('id');
    if (typeof id === 'string' && id.length > 0 && !seen.has(id)) {
      seen.add(id);
      continue;
    }
    const fresh = randomUUID();
    seen.add(fresh);
    child.setAttribute('id', fresh);
  }
}

/**
 * Makes a version's document say what `snapshot` (a stored state of it) says, as a change on top of its history: every
 * block's translation, and the confirmations. Nothing is rewritten: people editing it see the restore arrive.
 */
export function restoreVersionText(doc: Y.Doc, snapshot: Uint8Array): void {
  const target = new Y.Doc();
  try {
    Y.applyUpdate(target, snapshot);
    const isBlock = (name: string) => name.startsWith(blockFragmentName(''));
    // Root types are known by name once anything in them was loaded: the fragments either text ever wrote.
    const names = new Set([...doc.share.keys(), ...target.share.keys()].filter(isBlock));
    doc.transact(() => {
      for (const name of names) {
        const wanted = yXmlFragmentToProseMirrorRootNode(target.getXmlFragment(name), editorSchema());
        updateYFragment(doc, doc.getXmlFragment(name), wanted, { mapping: new Map(), isOMark: new Map() });
      }
      const confirmations = doc.getMap(CONFIRMATIONS_MAP);
      const restored = target.getMap(CONFIRMATIONS_MAP);
      for (const blockId of [...confirmations.keys()]) if (!restored.has(blockId)) confirmations.delete(blockId);
      for (const [blockId, confirmation] of restored) {
        if (JSON.stringify(confirmations.get(blockId)) !== JSON.stringify(confirmation)) confirmations.set(blockId, confirmation);
      }
    });
  } finally {
    target.destroy();
  }
}
