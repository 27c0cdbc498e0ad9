import path from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const Env = z.object({
  /** TCP port to listen on; 0 picks a free one (tests). Default 8080. */
  PORT: port.default(8080),
  /** Address to listen on. Default 127.0.0.1 (this machine only), or 0.0.0.0 in LAN mode. */
  HOST: z.string().min(1).optional(),
  /**
   * LAN mode, the one switch for a venue: listen on every interface and put this machine's network address in invite
   * links, so delegates' laptops and phones on the same Wi-Fi can join.
   */
  ACCORD_LAN: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
  /** PEM certificate and key files: with both, Accord serves HTTPS and WSS and its cookies are Secure. */
  ACCORD_TLS_CERT: z.string().min(1).optional(),
  ACCORD_TLS_KEY: z.string().min(1).optional(),
  /** Minutes between automatic backups into <data dir>/backups, taken only when data changed. 0 turns them off. Default 15. */
  ACCORD_BACKUP_INTERVAL_MINUTES: z.coerce.number().min(0).default(15),
  /** How many automatic backups to keep. Default 10. */
  ACCORD_BACKUP_KEEP: positiveInt.default(10),
  /** Where the SQLite database and generated secrets live; created if missing. Default ./data. */
  ACCORD_DATA_DIR: z.string().min(1).default('./data'),
  /** The organiser's secret. Unset: generated on first start and only its hash kept. */
  ACCORD_ORGANISER_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** The address people use to reach Accord, for invite links (e.g. http://192.168.1.20:8080). Default: from the request. */
  ACCORD_PUBLIC_URL: z.url().optional(),
  /** Browser origins besides Accord's own and announced addresses allowed to open the collaboration socket, comma-separated. */
  ACCORD_ALLOWED_ORIGINS: z.string().default(''),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /**
   * Largest websocket message accepted, in bytes. Default 16 MiB: a reconnecting client sends all its offline edits
   * in one message, and a pasted chapter of a few MiB is one update; anything larger is closed with 1009 unread.
   */
  ACCORD_MAX_MESSAGE_BYTES: positiveInt.default(16 * 1024 * 1024),
  /**
   * Largest stored size of one document, in bytes. Default 64 MiB (a long negotiated text is a few MiB): an update that
   * would grow a document past it is refused and its connection closed with 4413.
   */
  ACCORD_MAX_DOCUMENT_BYTES: positiveInt.default(64 * 1024 * 1024),
  /**
   * Bytes sent to one client and not yet read by it (progress pings tell) after which it is dropped as too slow.
   * Default 16 MiB: a client that stops reading must not make the server hold everything the others type.
   */
  ACCORD_MAX_BUFFERED_BYTES: positiveInt.default(16 * 1024 * 1024),
  /** Failed credentials one address may present per minute before it gets 429 for a minute. Default 30. */
  ACCORD_AUTH_FAILURES_PER_MINUTE: positiveInt.default(30),
  /** How long a document with no clients stays in memory before it is compacted and unloaded. Default 10 s. */
  ACCORD_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  /** Stored updates of one document after which they are compacted into its state row. Default 500. */
  ACCORD_COMPACT_AFTER_UPDATES: positiveInt.default(500),
  /**
   * SQLite synchronous mode. FULL (default) makes every acknowledged update survive power loss; NORMAL survives a
   * crash of the process but may lose the last commits on power loss. docs/reliability.md has the measured cost.
   */
  ACCORD_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** While a document changes, an automatic snapshot is taken at most this often. Default 10 minutes. */
  ACCORD_SNAPSHOT_INTERVAL_MS: positiveInt.default(10 * 60 * 1000),
  /**
   * On PostgreSQL (a cluster), how often each process looks again at the stored deadlines and silence procedures, so
   * that one opened on another process, or left by a process that died, is settled on time. Default 10 seconds.
   */
  ACCORD_JOB_RESCAN_MS: positiveInt.default(10_000),
  /**
   * The organiser's SMTP server for e-mail notices (deadline in 24 h, silence broken, adopted), e.g.
   * smtp://user:password@mail.venue.org:587 or smtps://…:465. Unset (the default): no e-mail is ever sent.
   */
  ACCORD_SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  /** The sender of notices. Default "Accord <accord@localhost>". */
  ACCORD_SMTP_FROM: z.string().min(3).default('Accord <accord@localhost>'),
  /**
   * PostgreSQL instead of the SQLite file in ACCORD_DATA_DIR, e.g. postgres://accord:secret@db.internal:5432/accord: for
   * several Accord processes sharing one database (docs/operations.md). Unset (the default): SQLite.
   */
  ACCORD_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  /**
   * Redis for a cluster of Accord processes, e.g. redis://redis.internal:6379 or rediss://…: the auth-failure limit is
   * counted there for all of them. Unset (the default): one process, everything in memory.
   */
  ACCORD_REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  /** Seed the demo document on first start. Default true; tests turn it off. */
  ACCORD_SEED_DEMO: z.enum(['true', 'false']).default('true').transform((value) => value === 'true'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly lan: boolean;
  readonly tls: { certFile: string; keyFile: string } | undefined;
  readonly backupIntervalMs: number;
  readonly backupKeep: number;
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly organiserToken: string | undefined;
  readonly publicUrl: string | undefined;
  readonly allowedOrigins: readonly string[];
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly maxMessageBytes: number;
  readonly maxDocumentBytes: number;
  readonly maxBufferedBytes: number;
  readonly authFailuresPerMinute: number;
  readonly unloadGraceMs: number;
  readonly compactAfterUpdates: number;
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly snapshotIntervalMs: number;
  readonly jobRescanMs: number;
  readonly seedDemo: boolean;
  readonly smtp: { url: string; from: string } | undefined;
  readonly redisUrl: string | undefined;
}

export class ConfigError extends Error {}

function parseOrigin(entry: string): string {
  const origin = URL.parse(entry)?.origin;
  if (origin === undefined || origin === 'null') {
    throw new ConfigError(`Invalid configuration:\n  ACCORD_ALLOWED_ORIGINS: "${entry}" is not an origin like https://host:port`);
  }
  return origin;
}

/** Reads the configuration from the environment; a bad value stops the start with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n');
    throw new ConfigError(`Invalid configuration:\n${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.ACCORD_TLS_CERT) !== Boolean(e.ACCORD_TLS_KEY)) {
    throw new ConfigError('Invalid configuration:\n  ACCORD_TLS_CERT and ACCORD_TLS_KEY must be set together');
  }
  if (e.ACCORD_REDIS_URL && !e.ACCORD_DATABASE_URL) {
    // Processes sharing Redis serve the same documents, which only a shared database can hold: each would have its own SQLite file.
    throw new ConfigError('Invalid configuration:\n  ACCORD_REDIS_URL needs ACCORD_DATABASE_URL: the processes of a cluster cannot share SQLite');
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST ?? (e.ACCORD_LAN ? '0.0.0.0' : '127.0.0.1'),
    lan: e.ACCORD_LAN,
    tls: e.ACCORD_TLS_CERT && e.ACCORD_TLS_KEY ? { certFile: path.resolve(e.ACCORD_TLS_CERT), keyFile: path.resolve(e.ACCORD_TLS_KEY) } : undefined,
    backupIntervalMs: e.ACCORD_BACKUP_INTERVAL_MINUTES * 60_000,
    backupKeep: e.ACCORD_BACKUP_KEEP,
    dataDir: path.resolve(e.ACCORD_DATA_DIR),
    databaseUrl: e.ACCORD_DATABASE_URL,
    organiserToken: e.ACCORD_ORGANISER_TOKEN,
    publicUrl: e.ACCORD_PUBLIC_URL?.replace(/\/+$/, ''),
    allowedOrigins: Object.freeze(
      e.ACCORD_ALLOWED_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean)
        .map(parseOrigin),
    ),
    logLevel: e.LOG_LEVEL,
    maxMessageBytes: e.ACCORD_MAX_MESSAGE_BYTES,
    maxDocumentBytes: e.ACCORD_MAX_DOCUMENT_BYTES,
    maxBufferedBytes: e.ACCORD_MAX_BUFFERED_BYTES,
    authFailuresPerMinute: e.ACCORD_AUTH_FAILURES_PER_MINUTE,
    unloadGraceMs: e.ACCORD_UNLOAD_GRACE_MS,
    compactAfterUpdates: e.ACCORD_COMPACT_AFTER_UPDATES,
    synchronous: e.ACCORD_SYNCHRONOUS,
    snapshotIntervalMs: e.ACCORD_SNAPSHOT_INTERVAL_MS,
    jobRescanMs: e.ACCORD_JOB_RESCAN_MS,
    seedDemo: e.ACCORD_SEED_DEMO,
    smtp: e.ACCORD_SMTP_URL ? { url: e.ACCORD_SMTP_URL, from: e.ACCORD_SMTP_FROM } : undefined,
    redisUrl: e.ACCORD_REDIS_URL,
  });
}
