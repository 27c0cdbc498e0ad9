import type { Editor } from '@tiptap/core';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecommendationConsensus } from '../../../../shared/api/consensus.ts';
import type { ConsensusStore } from './consensusStore.ts';

/** The store's consensus by recommendation id, re-rendering as it changes. */
export function useConsensus(store: ConsensusStore): ReadonlyMap<string, RecommendationConsensus> {
  return useSyncExternalStore(store.subscribe, store.getAll);
}

/** Draws each recommendation's status as a badge in `editor`, in the reader's language, as statuses change. */
export function useConsensusBadges(editor: Editor, byId: ReadonlyMap<string, RecommendationConsensus>): void {
  const { t, i18n } = useTranslation();
  useEffect(() => {
    const statuses = new Map([...byId].map(([id, entry]) => [id, entry.status]));
    editor.commands.setConsensusStatuses(statuses, (status) => t(`consensus.status.${status}`));
  }, [editor, byId, t, i18n.language]);
}
