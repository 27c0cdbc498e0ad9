// The procedures domain as the rest of the server sees it: deadlines, silence procedures and their notices.
export * from './procedureService.ts';
export * from './deadlineGate.ts';
export * from './mailNotices.ts';
