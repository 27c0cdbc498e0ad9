export { FreezeControl } from './FreezeControl.tsx';
export { HistoryPanel } from './HistoryPanel.tsx';
export { NumberingControl } from './NumberingControl.tsx';
