import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Version } from '../../../../shared/api/versions.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { languageName } from '../../i18n/languages.ts';
import { errorMessage } from '../../lib/errorMessage.ts';
import { useAsync } from '../../lib/useAsync.ts';
import { ComparisonView } from './ComparisonView.tsx';
import { formatWhen, versionTitle } from './versionLabels.ts';
import { CURRENT_TEXT, versionsApi } from './versionsApi.ts';

/** Wraps text in Unicode first-strong isolates: an option cannot hold a <bdi>, and names and dates mix directions. */
const isolate = (text: string) => `\u2068${text}\u2069`;

export interface ComparePaneProps {
  documentId: string;
  versions: Version[];
  /** The texts one can compare in: the source's language first, then each version's. */
  languages: readonly LanguageCode[];
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  /** Bumped when the current text is known to have changed (after a restore), to compare again. */
  revision: number;
}

/**
 * Two pickers (older, newer — a version or the current text) and what changed between them; with language versions,
 * a third picks the text compared (the source, or a version as it stood at each side).
 */
export function ComparePane({ documentId, versions, languages, from, to, onChange, revision }: ComparePaneProps) {
  const { t, i18n } = useTranslation();
  const fromId = useId();
  const toId = useId();
  const languageId = useId();
  const [language, setLanguage] = useState<LanguageCode | ''>('');
  const { state } = useAsync(JSON.stringify([from, to, language, revision]), (key) => {
    const [older, newer, compared] = JSON.parse(key) as [string, string, LanguageCode | ''];
    return versionsApi.compare(documentId, older, newer, compared || undefined);
  });
  const option = (version: Version) => (
    <option key={version.id} value={version.id}>
      {isolate(versionTitle(t, version, i18n.language))} — {isolate(formatWhen(version.createdAt, i18n.language))}
    </option>
  );
  return (
    <section className="history__pane-body" aria-labelledby="compare-title">
      <header className="history__pane-header">
        <h3 id="compare-title">{t('history.compareTitle')}</h3>
        <div className="history__pickers">
          <label htmlFor={fromId}>{t('history.compareFrom')}</label>
          <select id={fromId} value={from} onChange={(event) => onChange(event.target.value, to)}>
            {versions.map(option)}
          </select>
          <span className="history__arrow" aria-hidden="true">
            →
          </span>
          <label htmlFor={toId}>{t('history.compareTo')}</label>
          <select id={toId} value={to} onChange={(event) => onChange(from, event.target.value)}>
            <option value={CURRENT_TEXT}>{t('history.current')}</option>
            {versions.map(option)}
          </select>
          {languages.length > 1 && (
            <>
              <label htmlFor={languageId}>{t('history.compareLanguage')}</label>
              <select id={languageId} value={language} onChange={(event) => setLanguage(event.target.value as LanguageCode | '')}>
                {languages.map((code, index) => (
                  <option key={code} value={index === 0 ? '' : code} lang={code}>
                    {languageName(code)}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
      </header>
      {state.status === 'loading' ? (
        <p className="muted">{t('history.comparing')}</p>
      ) : state.status === 'error' ? (
        <p className="form__error" role="alert">
          {errorMessage(t, state.error)}
        </p>
      ) : (
        <ComparisonView comparison={state.value} />
      )}
    </section>
  );
}
