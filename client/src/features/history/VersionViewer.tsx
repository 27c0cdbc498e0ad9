import type { JSONContent } from '@tiptap/core';
import { EditorContent, useEditor } from '@tiptap/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionContent } from '../../../../shared/api/versions.ts';
import { formatRecommendationNumber } from '../../i18n/format.ts';
import { BlockDirectionDecorations } from '../../../../shared/editor/blockDirectionDecorations.ts';
import { RecommendationLabels } from '../../../../shared/editor/recommendationLabels.ts';
import { schemaExtensions } from '../../../../shared/editor/schemaExtensions.ts';

/**
 * A version's text, read-only, with the shared schema and the same numbering and directions as the live editor.
 * Mount it with a `key` per version: the content is read once.
 */
export function VersionViewer({ content, numbers }: { content: JSONContent; numbers: VersionContent['numbers'] }) {
  const { t, i18n } = useTranslation();
  const locked = numbers && new Map(numbers.map(({ id, number }) => [id, number]));
  const [options] = useState(() => ({
    extensions: [
      ...schemaExtensions({ assignIds: false }),
      RecommendationLabels.configure({
        label: (number: string) => t('editor.recommendationLabel', { number }),
        format: (number) => formatRecommendationNumber(number, i18n.language),
        lockedNumbers: () => locked,
      }),
      BlockDirectionDecorations,
    ],
    content,
    editable: false,
    editorProps: { attributes: { class: 'document document--version', 'aria-label': t('history.readOnlyVersion') } },
  }));
  const editor = useEditor(options);
  return <EditorContent editor={editor} />;
}
