import { z } from 'zod';

/** What the organiser's home shows about how delegates reach this Accord. */
export const ServerInfo = z.object({
  /** The address invite links point at, e.g. http://192.168.1.20:8080 in LAN mode. */
  publicUrl: z.string(),
  lan: z.boolean(),
  tls: z.boolean(),
  /** Whether the organiser can download a copy of all data (SQLite); false on PostgreSQL, backed up with pg_dump. */
  backupDownload: z.boolean(),
});
export type ServerInfo = z.infer<typeof ServerInfo>;
