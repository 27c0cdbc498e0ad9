// The languages feature as other features see it; its styles come with it (the side-by-side page draws its rows).
import './languages.css';
export { LanguagesMenu } from './LanguagesMenu.tsx';
export { LanguageStore } from './languageStore.ts';
export { useLanguageList } from './useLanguageList.ts';
export { StatusCounts } from './StatusCounts.tsx';
export { TranslationRow } from './TranslationRow.tsx';
export { type SideBySideRow, useAlignedRows } from './useAlignedRows.ts';
