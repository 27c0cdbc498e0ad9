export { SuggestControls } from './SuggestControls.tsx';
export { SuggestionsPanel } from './SuggestionsPanel.tsx';
export { SuggestMode, SuggestModeKeys } from './suggestMode.ts';
export { selectBrackets, selectSuggestion } from './selectMarked.ts';
export { decideSuggestion } from './suggestionsApi.ts';
