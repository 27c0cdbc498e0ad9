export { AlternativeNotes } from './alternativeNotes.ts';
export { AlternativesPanel } from './AlternativesPanel.tsx';
export { AlternativesStore, useAlternatives, withOpenAlternatives } from './alternativesStore.ts';
export { useAlternativeNotes } from './useAlternativeNotes.ts';
export { alternativesApi } from './alternativesApi.ts';
