export { SuggestControls } from './SuggestControls.tsx';
export { SuggestionsPanel } from './SuggestionsPanel.tsx';
export { SuggestMode } from './suggestMode.ts';
export { selectBrackets, selectSuggestion } from './selectMarked.ts';
export { decideSuggestion } from './suggestionsApi.ts';
