import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BlockDirectionDecorations } from '../../../../shared/editor/blockDirectionDecorations.ts';
import { RecommendationLabels } from '../../../../shared/editor/recommendationLabels.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';

/**
 * A version's text, read-only, with the shared schema and the same numbering and directions as the live editor.
 * Mount it with a `key` per version: the content is read once.
 */
export function VersionViewer({ content }: { content: JSONContent }) {
  const { t } = useTranslation();
  const [options] = useState(() => ({
    extensions: [
      ...schemaExtensions({ assignIds: false }),
      RecommendationLabels.configure({ label: (number: number) => t('editor.recommendationLabel', { number }) }),
      BlockDirectionDecorations,
    ],
    content,
    editable: false,
    editorProps: { attributes: { class: 'document document--version', 'aria-label': t('history.readOnlyVersion') } },
  }));
  const editor = useEditor(options);
  return <EditorContent editor={editor} />;
}
