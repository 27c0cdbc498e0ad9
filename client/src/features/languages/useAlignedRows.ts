import { getSchema } from '@tiptap/core';
import type { Node as ProseMirrorNode, Schema } from '@tiptap/pm/model';
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { EDITOR_FRAGMENT } from '../../../../shared/protocol/documentFragment.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';
import { type AlignedRow, alignVersion } from '../../../../shared/editor/translationStatus.ts';
import { type ShownNumber, recommendationNumbers } from '../../../../shared/editor/recommendationNumbers.ts';
import { readNumbering } from '../../../../shared/editor/stableNumbering.ts';

let schema: Schema | undefined;
/** The document schema, to read the source and the translations (built once). */
export function documentSchema(): Schema {
  schema ??= getSchema(schemaExtensions({ assignIds: false }));
  return schema;
}

export interface SideBySideRow extends AlignedRow {
  /** The recommendation's number, the source's in every language (ADR 0008); null for other blocks. */
  number: ShownNumber | null;
}

function computeRows(source: Y.Doc, version: Y.Doc): SideBySideRow[] {
  const doc = yXmlFragmentToProseMirrorRootNode(source.getXmlFragment(EDITOR_FRAGMENT), documentSchema());
  const numbers = recommendationNumbers(doc, readNumbering(source).numbers);
  const offsets = new Map<ProseMirrorNode, number>();
  doc.forEach((node, offset) => offsets.set(node, offset));
  return alignVersion(doc, version, documentSchema()).map((row) => ({ ...row, number: numbers.get(offsets.get(row.source) ?? -1) ?? null }));
}

/**
 * The source beside a version, block by block with statuses, recomputed once per frame while either document changes:
 * a change in the source shows in the version's rows (needs update, a new untranslated row) within a frame of arriving.
 */
export function useAlignedRows(source: Y.Doc, version: Y.Doc): SideBySideRow[] {
  const [rows, setRows] = useState(() => computeRows(source, version));
  useEffect(() => {
    let frame: number | undefined;
    const schedule = () => {
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        setRows(computeRows(source, version));
      });
    };
    source.on('update', schedule);
    version.on('update', schedule);
    schedule();
    return () => {
      source.off('update', schedule);
      version.off('update', schedule);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [source, version]);
  return rows;
}
