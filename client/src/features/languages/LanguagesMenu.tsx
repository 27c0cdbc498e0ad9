import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_CODES, type LanguageCode } from '../../../../shared/domain/languages.ts';
import { ErrorNote } from '../../components/ErrorNote.tsx';
import { languageName } from '../../i18n/languages.ts';
import { navigate } from '../../lib/router.ts';
import { useOutsidePointer } from '../../lib/useOutsidePointer.ts';
import { usePendingAction } from '../../lib/usePendingAction.ts';
import { addLanguage, fetchLanguages, removeLanguage, sideBySidePath } from './languagesApi.ts';
import type { LanguageStore } from './languageStore.ts';
import { StatusCounts } from './StatusCounts.tsx';
import { useLanguageList } from './useLanguageList.ts';
import './languages.css';


/**
 * "Languages": the document's language versions with their counts, live, each opening the side-by-side view; the
 * organiser adds and removes versions here. Closes on Escape and on a tap elsewhere.
 */
export function LanguagesMenu({ documentId, canManage, store }: { documentId: string; canManage: boolean; store: LanguageStore }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useLanguageList(store);
  const [adding, setAdding] = useState<LanguageCode | ''>('');
  const { busy, error, run } = usePendingAction();
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);
  useOutsidePointer(open, root, useCallback(() => setOpen(false), []));

  const available = LANGUAGE_CODES.filter((code) => code !== list?.source && !list?.versions.some((version) => version.language === code));

  return (
    <div className="languages-menu" ref={root} onKeyDown={(event) => event.key === 'Escape' && setOpen(false)}>
      <button type="button" className="button button--small" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((current) => !current)}>
        {t('languageVersions.menu')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="header-menu languages-menu__panel" id={panelId} role="group" aria-label={t('languageVersions.menu')}>
          {list && (
            <p>
              {t('languageVersions.sourceIs')} <strong lang={list.source}>{languageName(list.source)}</strong>
            </p>
          )}
          {list && list.versions.length === 0 && <p>{t('languageVersions.none')}</p>}
          <ul className="languages-menu__list">
            {list?.versions.map((version) => (
              <li key={version.language}>
                <a
                  href={sideBySidePath(documentId, version.language)}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate(sideBySidePath(documentId, version.language));
                  }}
                >
                  {t('languageVersions.openSideBySide', { language: languageName(version.language) })}
                </a>
                <StatusCounts language={version.language} counts={version} />
                {canManage && (
                  <button
                    type="button"
                    className="button button--small button--quiet"
                    disabled={busy}
                    onClick={() =>
                      void run(async () => {
                        await removeLanguage(documentId, version.language);
                        store.set(await fetchLanguages(documentId));
                      })
                    }
                  >
                    {t('languageVersions.remove', { language: languageName(version.language) })}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {canManage && list && available.length > 0 && (
            <form
              className="form form--row"
              onSubmit={(event) => {
                event.preventDefault();
                const language = adding || available[0]!;
                void run(async () => {
                  await addLanguage(documentId, language);
                  setAdding('');
                  store.set(await fetchLanguages(documentId));
                });
              }}
            >
              <label className="form__field">
                <span className="form__label">{t('languageVersions.addLabel')}</span>
                <select name="language" value={adding || available[0]} onChange={(event) => setAdding(event.target.value as LanguageCode)}>
                  {available.map((code) => (
                    <option key={code} value={code} lang={code}>
                      {languageName(code)}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" className="button button--primary button--small" disabled={busy}>
                {t('languageVersions.add')}
              </button>
            </form>
          )}
          <ErrorNote error={error} />
        </div>
      )}
    </div>
  );
}
