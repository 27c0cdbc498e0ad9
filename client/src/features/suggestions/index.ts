export { SuggestControls } from './SuggestControls.tsx';
export { SuggestionsPanel } from './SuggestionsPanel.tsx';
export { SuggestMode } from './suggestMode.ts';
