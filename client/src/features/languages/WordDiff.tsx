import { diffWords } from 'diff';
import { useTranslation } from 'react-i18next';

/** The source's words as confirmed beside its words now: deletions struck, insertions underlined. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  return (
    <p className="word-diff" dir="auto" aria-label={t('languageVersions.diffLabel')}>
      {diffWords(before, after).map((part, index) =>
        part.added ? (
          <ins key={index}>{part.value}</ins>
        ) : part.removed ? (
          <del key={index}>{part.value}</del>
        ) : (
          <span key={index}>{part.value}</span>
        ),
      )}
    </p>
  );
}
