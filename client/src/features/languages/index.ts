export { LanguagesMenu } from './LanguagesMenu.tsx';
export { StatusCounts } from './StatusCounts.tsx';
export { TranslationRow } from './TranslationRow.tsx';
export { type SideBySideRow, useAlignedRows } from './useAlignedRows.ts';
