import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '../../lib/useMediaQuery.ts';
import { useRovingFocus } from '../../lib/useRovingFocus.ts';
import { PHONE_QUERY } from './layoutWidths.ts';
import { LinkControl } from './LinkControl.tsx';

const MOD = /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl';

type BlockType = 'paragraph' | 'heading1' | 'heading2' | 'heading3';

function ToolbarButton(props: { label: string; keys?: string; active?: boolean; disabled?: boolean; onClick: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  const title = props.keys ? t('toolbar.shortcut', { label: props.label, keys: props.keys }) : props.label;
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={props.label}
      title={title}
      aria-pressed={props.active}
      disabled={props.disabled}
      // Keep the editor's selection: a click on the toolbar must not move focus out of the text first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onClick}
    >
      {props.children}
    </button>
  );
}

/**
 * A button's icon: a glyph from the catalogue ("B", "1≡", "↶"), drawn by CSS so it is a picture, not text. The
 * button's name is its label in words (WCAG 2.5.3 applies to text labels, not icons).
 */
function Glyph({ glyph, as: Tag = 'span' }: { glyph: string; as?: 'span' | 'strong' | 'em' | 'u' }) {
  return <Tag className="toolbar__glyph" data-glyph={glyph} aria-hidden="true" />;
}

/** Formatting for the negotiated text: block type, marks, link, lists, quote, recommendation, undo and redo. */
export function Toolbar({ editor }: { editor: Editor }) {
  const { t } = useTranslation();
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      block: ((): BlockType => {
        for (const level of [1, 2, 3] as const) if (current.isActive('heading', { level })) return `heading${level}`;
        return 'paragraph';
      })(),
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      underline: current.isActive('underline'),
      link: current.isActive('link'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      blockquote: current.isActive('blockquote'),
      recommendation: current.isActive('recommendation'),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const roving = useRovingFocus<HTMLDivElement>();
  // On a phone the tools that do not fit go into a "More" row, so the page never scrolls sideways.
  const compact = useMediaQuery(PHONE_QUERY);
  const [moreOpen, setMoreOpen] = useState(false);
  const moreId = useId();
  useEffect(() => {
    if (!moreOpen) return;
    // Escape folds the row away wherever the focus is: caught on the way down, as the text (where the focus most often
    // is) takes Escape for itself. It is then spent, so that an open sheet stays.
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setMoreOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    return () => document.removeEventListener('keydown', onKey, true);
  }, [moreOpen]);
  const chain = () => editor.chain().focus();
  const setBlock = (block: BlockType) => {
    if (block === 'paragraph') chain().setParagraph().run();
    else chain().setHeading({ level: Number(block.slice(-1)) as 1 | 2 | 3 }).run();
  };

  const blockSelect = (
    <select className="toolbar__select" aria-label={t('toolbar.blockType')} value={state.block} onChange={(event) => setBlock(event.target.value as BlockType)}>
      <option value="paragraph">{t('toolbar.paragraph')}</option>
      <option value="heading1">{t('toolbar.heading1')}</option>
      <option value="heading2">{t('toolbar.heading2')}</option>
      <option value="heading3">{t('toolbar.heading3')}</option>
    </select>
  );
  const marks = (
    <>
      <ToolbarButton label={t('toolbar.bold')} keys={`${MOD}+B`} active={state.bold} onClick={() => chain().toggleBold().run()}>
        <Glyph as="strong" glyph={t('toolbar.glyphs.bold')} />
      </ToolbarButton>
      <ToolbarButton label={t('toolbar.italic')} keys={`${MOD}+I`} active={state.italic} onClick={() => chain().toggleItalic().run()}>
        <Glyph as="em" glyph={t('toolbar.glyphs.italic')} />
      </ToolbarButton>
      <ToolbarButton label={t('toolbar.underline')} keys={`${MOD}+U`} active={state.underline} onClick={() => chain().toggleUnderline().run()}>
        <Glyph as="u" glyph={t('toolbar.glyphs.underline')} />
      </ToolbarButton>
    </>
  );
  const link = <LinkControl editor={editor} active={state.link} />;
  const lists = (
    <>
      <ToolbarButton label={t('toolbar.bulletList')} keys={`${MOD}+Shift+8`} active={state.bulletList} onClick={() => chain().toggleBulletList().run()}>
        <Glyph glyph={t('toolbar.glyphs.bulletList')} />
      </ToolbarButton>
      <ToolbarButton label={t('toolbar.orderedList')} keys={`${MOD}+Shift+7`} active={state.orderedList} onClick={() => chain().toggleOrderedList().run()}>
        <Glyph glyph={t('toolbar.glyphs.orderedList')} />
      </ToolbarButton>
    </>
  );
  const quote = (
    <ToolbarButton label={t('toolbar.blockquote')} keys={`${MOD}+Shift+B`} active={state.blockquote} onClick={() => chain().toggleBlockquote().run()}>
      <Glyph glyph={t('toolbar.glyphs.blockquote')} />
    </ToolbarButton>
  );
  const recommendation = (
    <button
      type="button"
      className="toolbar__button toolbar__button--text"
      title={t('toolbar.shortcut', { label: t('toolbar.recommendation'), keys: `${MOD}+Alt+R` })}
      aria-pressed={state.recommendation}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => (editor.storage.suggestMode?.enabled ? editor.commands.refuseNewRecommendation() : chain().insertRecommendation().run())}
    >
      + {t('toolbar.recommendation')}
    </button>
  );
  const separator = <span className="toolbar__separator" aria-hidden="true" />;

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} {...roving}>
      {compact ? (
        <>
          {marks}
          {separator}
          {lists}
          {separator}
          <button
            type="button"
            className="toolbar__button toolbar__button--text"
            aria-expanded={moreOpen}
            aria-controls={moreId}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => setMoreOpen(!moreOpen)}
          >
            {t('toolbar.more')} {moreOpen ? '▴' : '▾'}
          </button>
        </>
      ) : (
        <>
          {blockSelect}
          {separator}
          {marks}
          {link}
          {separator}
          {lists}
          {quote}
          {separator}
          {recommendation}
        </>
      )}
      <span className="toolbar__spacer" />
      <span className="toolbar__group">
        <ToolbarButton label={t('toolbar.undo')} keys={`${MOD}+Z`} disabled={!state.canUndo} onClick={() => chain().undo().run()}>
          <Glyph glyph={t('toolbar.glyphs.undo')} />
        </ToolbarButton>
        <ToolbarButton label={t('toolbar.redo')} keys={`${MOD}+Shift+Z`} disabled={!state.canRedo} onClick={() => chain().redo().run()}>
          <Glyph glyph={t('toolbar.glyphs.redo')} />
        </ToolbarButton>
      </span>
      {compact && moreOpen && (
        <div id={moreId} className="toolbar__more">
          {blockSelect}
          {link}
          {quote}
          {recommendation}
        </div>
      )}
    </div>
  );
}
