import { useCallback, useEffect, useState } from 'react';
import { useMediaQuery } from '../../lib/useMediaQuery.ts';
import { WIDE_QUERY } from './layoutWidths.ts';
import type { PanelName } from './panels.ts';

/**
 * Which side panel is open: one at a time. On a laptop the comments start open beside the text; on tablets and phones,
 * where a panel covers the text, none is open until the person opens one, and Escape closes it. Closing gives the
 * focus back to the panel's button.
 */
export function useSidePanels() {
  const wide = useMediaQuery(WIDE_QUERY);
  const [panel, setPanel] = useState<PanelName | null>(() => (window.matchMedia(WIDE_QUERY).matches ? 'comments' : null));

  const closePanel = useCallback(() => {
    if (panel) document.getElementById(`panel-button-${panel}`)?.focus();
    setPanel(null);
  }, [panel]);
  const togglePanel = useCallback((next: PanelName) => setPanel((current) => (current === next ? null : next)), []);

  useEffect(() => {
    if (wide || !panel) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) closePanel();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wide, panel, closePanel]);

  return { panel, togglePanel, closePanel };
}
