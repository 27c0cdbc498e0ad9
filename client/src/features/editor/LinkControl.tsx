import type { Editor } from '@tiptap/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAllowedHref } from '../../../../shared/editor/schemaExtensions.ts';

/** Typed addresses without a scheme ("www.eurojust.europa.eu") are web addresses; an e-mail address becomes mailto. */
function normalizeHref(input: string): string {
  const value = input.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return value;
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  return `https://${value}`;
}

/** The toolbar's link button: opens a small field for the address, refusing schemes other than http, https, mailto. */
export function LinkControl({ editor, active }: { editor: Editor; active: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [href, setHref] = useState('');
  const [invalid, setInvalid] = useState(false);

  const start = () => {
    setHref((editor.getAttributes('link').href as string | undefined) ?? '');
    setInvalid(false);
    setOpen(true);
  };

  const apply = (event: FormEvent) => {
    event.preventDefault();
    const value = normalizeHref(href);
    if (!isAllowedHref(value)) {
      setInvalid(true);
      return;
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: value }).run();
    setOpen(false);
  };

  // Closing without applying puts the person back in the text, where the selection still is.
  const cancel = () => {
    setOpen(false);
    editor.commands.focus();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange('link').unsetLink().run();
    setOpen(false);
  };

  if (!open) {
    return (
      <button
        type="button"
        className="toolbar__button toolbar__button--text"
        title={t('toolbar.link')}
        aria-pressed={active}
        onMouseDown={(event) => event.preventDefault()}
        onClick={start}
      >
        {t('toolbar.link')}
      </button>
    );
  }
  return (
    <form className="toolbar__link" onSubmit={apply}>
      <input
        type="text"
        inputMode="url"
        aria-label={t('toolbar.link')}
        aria-invalid={invalid}
        placeholder={t('toolbar.linkPlaceholder')}
        value={href}
        onChange={(event) => {
          setHref(event.target.value);
          setInvalid(false);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') cancel();
        }}
        autoFocus
      />
      <button type="submit" className="button button--small">
        {t('toolbar.linkApply')}
      </button>
      {active && (
        <button type="button" className="button button--small" onClick={remove}>
          {t('toolbar.linkRemove')}
        </button>
      )}
      <button type="button" className="button button--small button--quiet" onClick={cancel}>
        {t('toolbar.linkCancel')}
      </button>
      {invalid && (
        <span className="toolbar__error" role="alert">
          {t('toolbar.linkInvalid')}
        </span>
      )}
    </form>
  );
}
