import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { organiserUrl } from './services/access/index.ts';
import { startServer } from './server.ts';
import { DatabaseIntegrityError, DatabaseLockedError } from './storage/database.ts';

const SHUTDOWN_DEADLINE_MS = 5000;

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.logLevel, base: undefined });
  const server = await startServer(config, logger);
  const base = server.publicUrl;

  // The banner goes to stdout for the person who started Accord; tokens never go through the logger.
  const lines = [`Accord is running at ${base}`];
  if (config.lan) lines.push(`LAN mode: delegates on this network join at ${base}`);
  if (server.generatedOrganiserToken) {
    lines.push(`Organiser link (shown once, keep it safe): ${organiserUrl(base, server.generatedOrganiserToken)}`);
  } else if (config.organiserToken) {
    lines.push(`Organiser link: ${base}/organiser#<ACCORD_ORGANISER_TOKEN>`);
  } else {
    lines.push('Organiser link: shown at first start. Lost it? Stop Accord and run `npm run organiser-link`.');
  }
  if (server.demo) {
    lines.push(`Demo document "${server.demo.title}" with invite links (shown once):`);
    for (const invite of server.demo.invites) lines.push(`  ${invite.delegation} (${invite.role}): ${invite.url}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  logger.info({ url: base, dataDir: config.dataDir }, 'accord started');

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseIntegrityError || error instanceof DatabaseLockedError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(`Accord failed to start: ${(error as Error).stack ?? String(error)}\n`);
  }
  process.exit(1);
});
