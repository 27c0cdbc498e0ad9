import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentAuthor } from '../../../../shared/api/authorship.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { fetchAuthors } from './authorsApi.ts';
import './authorship.css';
import { ErrorNote } from '../../components/ErrorNote.tsx';

/** At most one refetch of the author list this often, however many unknown writers appear. */
const REFETCH_MS = 2000;

export interface AuthorshipToggleProps {
  /** An editor with the AuthorshipHighlights extension. */
  editor: Editor;
  documentId: string;
}

/** The "Authorship" switch: colours the text by the delegation that wrote it, with who and when on hover. */
export function AuthorshipToggle({ editor, documentId }: AuthorshipToggleProps) {
  const { t, i18n } = useTranslation();
  const [enabled, setEnabled] = useState(false);
  const [authors, setAuthors] = useState<readonly DocumentAuthor[]>([]);
  const [error, setError] = useState<unknown>();
  const lastFetch = useRef(0);

  const [unknownSeen, setUnknownSeen] = useState(0);

  useEffect(() => {
    if (!enabled) return;
    let cancelled = false;
    // At most one fetch per REFETCH_MS, however often unknown writers are reported.
    const wait = Math.max(0, lastFetch.current + REFETCH_MS - Date.now());
    const timer = setTimeout(() => {
      lastFetch.current = Date.now();
      fetchAuthors(documentId).then(
        (list) => {
          if (cancelled) return;
          setError(undefined);
          setAuthors(list.authors);
        },
        (failure: unknown) => {
          if (!cancelled) setError(failure);
        },
      );
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [enabled, documentId, unknownSeen]);

  useEffect(() => {
    editor.commands.setAuthorship({
      enabled,
      authors: new Map(authors.map((author) => [author.clientId, author])),
      describe: (author) =>
        t('authorship.tooltip', { name: author.name, delegation: author.delegation, time: formatDateTime(author.firstSeen, i18n.language) }),
      onUnknownAuthors: () => setUnknownSeen((count) => count + 1),
    });
  }, [editor, enabled, authors, t, i18n.language]);

  const delegations = [...new Map(authors.map((author) => [author.delegation, author.color])).entries()];
  return (
    <div className="authorship">
      <button type="button" className="button button--quiet authorship__toggle" aria-pressed={enabled} onClick={() => setEnabled(!enabled)}>
        {t('authorship.toggle')}
      </button>
      {enabled && delegations.length > 0 && (
        <ul className="authorship__legend" aria-label={t('authorship.legend')}>
          {delegations.map(([delegation, color]) => (
            <li key={delegation}>
              <span className="swatch" style={{ backgroundColor: color }} aria-hidden="true" />
              <bdi>{delegation}</bdi>
            </li>
          ))}
        </ul>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
