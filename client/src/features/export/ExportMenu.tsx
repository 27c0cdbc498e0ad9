import { useCallback, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_FORMATS, EXPORT_FORMATS, EXPORT_KINDS, type ExportFormat, type ExportKind } from '../../../../shared/api/export.ts';
import type { LanguageList } from '../../../../shared/api/languages.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { LANGUAGES, isLanguage } from '../../i18n/languages.ts';
import { useOutsidePointer } from '../../lib/useOutsidePointer.ts';
import { exportUrl } from './exportUrl.ts';
import { IncompleteTranslation } from './IncompleteTranslation.tsx';
import './export.css';

/**
 * The formats that can carry each kind; the server refuses the others. The compilation of proposals is a table per
 * recommendation: the formats that have tables. An Akoma Ntoso file is one expression of the text: no annex.
 */
const FORMATS_OF_KIND: Record<ExportKind, readonly ExportFormat[]> = {
  clean: EXPORT_FORMATS,
  review: EXPORT_FORMATS,
  annex: DOCUMENT_FORMATS,
  compilation: ['docx', 'pdf', 'html'],
};

/** Akoma Ntoso holds one language: no parallel text. */
const isParallel = (text: string) => text.includes(',');

/**
 * "Export": a small panel to pick a format (Word, PDF, Markdown, HTML, Akoma Ntoso XML) and a kind (clean text, with
 * the annex of comment threads, review copy, compilation), then a plain download link; the server names the file.
 * Closes on Escape and on a click elsewhere.
 */

export function ExportMenu({ documentId, languages }: { documentId: string; languages: LanguageList | undefined }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [kind, setKind] = useState<ExportKind>('clean');
  const [text, setText] = useState('');
  // Empty: the labels follow the exported text's language (the server's default), whatever the interface speaks.
  const [labels, setLabels] = useState<LanguageCode | ''>('');
  const root = useRef<HTMLDivElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const name = useId();
  const close = useCallback(() => setOpen(false), []);

  useOutsidePointer(open, root, close);

  return (
    <div
      className="export"
      ref={root}
      onBlur={(event) => {
        // Tabbing out closes the panel; a click on its background (no new focus) does not.
        if (event.relatedTarget !== null && !root.current?.contains(event.relatedTarget)) setOpen(false);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          setOpen(false);
          trigger.current?.focus();
        }
      }}
    >
      <button
        ref={trigger}
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((current) => !current)}
      >
        {t('export.open')} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="header-menu export__panel" id={panelId} role="group" aria-label={t('export.title')}>
          <fieldset className="export__field">
            <legend>{t('export.format')}</legend>
            {EXPORT_FORMATS.map((value) => (
              <label key={value} className="export__option">
                <input
                  type="radio"
                  name={`${name}-format`}
                  value={value}
                  checked={format === value}
                  disabled={!FORMATS_OF_KIND[kind].includes(value)}
                  onChange={() => {
                    setFormat(value);
                    if (value === 'akn' && isParallel(text)) setText('');
                  }}
                  autoFocus={format === value}
                />
                {/* Isolated: "Word (.docx)" keeps its order inside the Arabic menu. */}
                <bdi>{t(`export.formats.${value}`)}</bdi>
              </label>
            ))}
          </fieldset>
          <fieldset className="export__field">
            <legend>{t('export.kind')}</legend>
            {EXPORT_KINDS.map((value) => (
              <label key={value} className="export__option">
                <input type="radio" name={`${name}-kind`} value={value} checked={kind === value} onChange={() => {
                    setKind(value);
                    if (!FORMATS_OF_KIND[value].includes(format)) setFormat('docx');
                  }}
                />
                <span>
                  {t(`export.kinds.${value}`)}
                  <span className="export__hint">{t(`export.kindHints.${value}`)}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {languages && languages.versions.length > 0 && kind !== 'compilation' && (
            <div className="export__field">
              <label htmlFor={`${name}-text`}>{t('export.text')}</label>
              <select id={`${name}-text`} value={text} onChange={(event) => setText(event.target.value)}>
                <option value="">{t('export.textSource', { language: languages.source.toUpperCase() })}</option>
                {languages.versions.map(({ language }) => (
                  <option key={language} value={language}>
                    {t('export.textVersion', { language: language.toUpperCase() })}
                  </option>
                ))}
                {parallelTexts(languages).map((codes) => (
                  <option key={`parallel-${codes.join(',')}`} value={codes.join(',')} disabled={format === 'akn'}>
                    {t('export.textParallel', { languages: codes.map((code) => code.toUpperCase()).join(' + ') })}
                  </option>
                ))}
              </select>
            </div>
          )}
          <div className="export__field">
            <label htmlFor={`${name}-labels`}>{t('export.labels')}</label>
            <select id={`${name}-labels`} value={labels} onChange={(event) => setLabels(isLanguage(event.target.value) ? event.target.value : '')}>
              <option value="">{t('export.labelsOfText')}</option>
              {LANGUAGES.map(({ code, name }) => (
                <option key={code} value={code} lang={code}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          {kind === 'clean' &&
            languages?.versions
              .filter(({ language, needsUpdate, untranslated }) => text.split(',').includes(language) && needsUpdate + untranslated > 0)
              .map((version) => <IncompleteTranslation key={version.language} documentId={documentId} version={version} />)}
          <a
            className="button button--primary export__download"
            href={exportUrl(documentId, format, kind, { lang: labels || undefined, text: (kind !== 'compilation' && text) || undefined })}
            download
            onClick={() => setOpen(false)}
          >
            {t('export.download')}
          </a>
        </div>
      )}
    </div>
  );
}

/**
 * The parallel texts the menu offers: the source beside each version, then beside each pair of versions (three
 * columns, the most a page holds): the English, French and Arabic of a workshop in one file.
 */
function parallelTexts({ source, versions }: LanguageList): LanguageCode[][] {
  const codes = versions.map(({ language }) => language);
  const pairs = codes.flatMap((first, index) => codes.slice(index + 1).map((second) => [source, first, second]));
  return [...codes.map((code) => [source, code]), ...pairs];
}
