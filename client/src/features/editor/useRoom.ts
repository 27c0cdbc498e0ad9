import { useEffect, useState } from 'react';
import { CloseCode } from '../../../../shared/protocol/closeCodes.ts';
import { Collaboration } from '../../lib/collaboration.ts';
import { useLeaveWarning } from './useLeaveWarning.ts';

/**
 * Opens a room (a document's source or one of its language versions) for as long as the component is mounted, follows
 * the server's "access changed" close (freeze, unfreeze, a removed version), and warns before leaving with changes the
 * server has not confirmed.
 */
export function useRoom(room: string, onAccessChanged: () => void): Collaboration {
  const [collaboration] = useState(() => new Collaboration(room));
  useEffect(() => collaboration.start(), [collaboration]);
  useEffect(() => {
    const onClose = (event: CloseEvent | null) => {
      if (event?.code === CloseCode.accessChanged) onAccessChanged();
    };
    collaboration.provider.on('connection-close', onClose);
    return () => collaboration.provider.off('connection-close', onClose);
  }, [collaboration, onAccessChanged]);
  useLeaveWarning(collaboration.unsynced);
  return collaboration;
}
