import { useTranslation } from 'react-i18next';
import { PANELS, type PanelName } from './panels.ts';

export interface PanelRailProps {
  open: PanelName | null;
  onToggle: (panel: PanelName) => void;
}

/** The buttons that open the side panels, one at a time: a rail beside the text, or a bar under it on phones. */
export function PanelRail({ open, onToggle }: PanelRailProps) {
  const { t } = useTranslation();
  return (
    <nav className="panel-rail" aria-label={t('panels.label')}>
      {PANELS.map((panel) => (
        <button
          key={panel}
          type="button"
          id={`panel-button-${panel}`}
          className="panel-rail__button"
          aria-expanded={open === panel}
          aria-controls={`panel-${panel}`}
          data-panel={panel}
          onClick={() => onToggle(panel)}
        >
          <span className="panel-rail__glyph" data-glyph={t(`panels.glyphs.${panel}`)} aria-hidden="true" />
          <span className="panel-rail__name">{t(`panels.${panel}`)}</span>
        </button>
      ))}
    </nav>
  );
}
