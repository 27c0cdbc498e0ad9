/**
 * Turns taken by the processes of a cluster for a job that must not run twice at once (an automatic snapshot of a
 * document): `exclusively` runs `work` in one transaction while no other process runs work under the same key, so
 * work that first reads the facts it depends on (the latest snapshot) sees what the previous turn wrote. Storage
 * implements it (docs/decisions/0014-cluster-jobs.md).
 */
export interface JobLocks {
  exclusively<T>(key: string, work: () => T): T;
}

/** One process alone on its database (SQLite): its calls already run one at a time, there is nobody to wait for. */
export const SINGLE_PROCESS_JOBS: JobLocks = { exclusively: (_key, work) => work() };
