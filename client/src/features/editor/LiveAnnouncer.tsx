import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Awareness } from 'y-protocols/awareness';
import type { ConnectionState } from '../../lib/connectionMonitor.ts';
import { closeReason } from './closeReason.ts';
import { type PresenceChange, presenceChanges } from './presenceChanges.ts';
import { type Participant, usePresence } from './usePresence.ts';

/** How many announcements stay in the region (screen readers read additions; the rest is for anyone reviewing it). */
const KEPT = 5;

/**
 * A polite live region that says who joined or left and when the connection drops or returns, so nobody depends on
 * coloured carets or the colour of the status line. Presence is compared only while connected and synced: a dropped
 * connection empties awareness, which must not read as everyone leaving.
 */
export function LiveAnnouncer({ awareness, connection }: { awareness: Awareness; connection: ConnectionState }) {
  const { t } = useTranslation();
  const region = useRef<HTMLDivElement>(null);
  const participants = usePresence(awareness);
  const seen = useRef<readonly Participant[] | undefined>(undefined);
  const lost = useRef(false);
  const online = connection.status === 'connected' && connection.synced;

  const announce = (text: string) => {
    const node = region.current;
    if (!node) return;
    const line = document.createElement('p');
    line.textContent = text;
    node.append(line);
    while (node.childElementCount > KEPT) node.firstElementChild?.remove();
  };

  const describe = (change: PresenceChange) =>
    change.organiser
      ? t(change.kind === 'joined' ? 'announce.joinedOrganiser' : 'announce.leftOrganiser')
      : t(change.kind === 'joined' ? 'announce.joined' : 'announce.left', { name: change.name, delegation: change.delegation });

  useEffect(() => {
    if (!online) return;
    // The first synced sighting is who was already here: not news.
    if (seen.current) for (const change of presenceChanges(seen.current, participants)) announce(describe(change));
    seen.current = participants;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce only when presence or the connection changes
  }, [participants, online]);

  useEffect(() => {
    if (connection.status === 'offline' || connection.status === 'closed') {
      if (!lost.current) {
        lost.current = true;
        announce(connection.status === 'closed' ? (closeReason(t, connection.closeCode) ?? t('announce.connectionLost')) : t('announce.connectionLost'));
      }
    } else if (online && lost.current) {
      lost.current = false;
      announce(t('announce.connectionBack'));
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce only on connection changes
  }, [connection.status, connection.closeCode, online]);

  return <div ref={region} className="visually-hidden" role="log" aria-live="polite" aria-relevant="additions" data-testid="live-announcements" />;
}
