// Jobs that the processes of a cluster take turns at: the port, and its single-process form.
export * from './jobLocks.ts';
