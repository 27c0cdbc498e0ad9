export { ProceduresBar } from './ProceduresBar.tsx';
export { useBeforeDeadline, useProcedures } from './useProcedures.ts';
export { ProceduresStore } from './proceduresStore.ts';
export { formatInZone } from './zonedTime.ts';
