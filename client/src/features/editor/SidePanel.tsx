import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PanelName } from './panels.ts';

/** How far (px) a finger must pull a phone's sheet down by its handle to close it. */
const SWIPE_CLOSE_DISTANCE = 60;

export interface SidePanelProps {
  name: PanelName;
  open: boolean;
  onClose: () => void;
  children: ReactNode;
}

/**
 * One side panel. Closed panels stay mounted (hidden): comments, proposals and statuses keep drawing their highlights
 * and badges in the text and keep following the live changes. Opened from the rail, the focus moves into the panel.
 */
export function SidePanel({ name, open, onClose, children }: SidePanelProps) {
  const { t } = useTranslation();
  const panel = useRef<HTMLDivElement>(null);
  const swipeStart = useRef<number | null>(null);

  // Only when the person opens it: a panel open from the start (laptops) must not take the focus from the page.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (open && !wasOpen.current && !panel.current?.contains(document.activeElement)) panel.current?.focus({ preventScroll: true });
    wasOpen.current = open;
  }, [open]);

  return (
    <div
      ref={panel}
      id={`panel-${name}`}
      className="side-panel"
      data-panel={name}
      hidden={!open}
      tabIndex={-1}
    >
      <div
        className="side-panel__bar"
        onTouchStart={(event) => (swipeStart.current = event.touches[0]?.clientY ?? null)}
        onTouchEnd={(event) => {
          const start = swipeStart.current;
          const end = event.changedTouches[0]?.clientY;
          swipeStart.current = null;
          if (start !== null && end !== undefined && end - start > SWIPE_CLOSE_DISTANCE) onClose();
        }}
      >
        <span className="side-panel__handle" aria-hidden="true" />
        <button type="button" className="button button--quiet side-panel__close" aria-label={t('panels.close', { panel: t(`panels.${name}`) })} onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
      {children}
    </div>
  );
}
