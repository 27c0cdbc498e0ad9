import pino from 'pino';
import { loadConfig } from '../config.ts';
import { AccessService, organiserUrl } from '../services/access/index.ts';
import { AccessRepository } from '../storage/accessRepository.ts';
import { DocumentRepository } from '../storage/documentRepository.ts';
import { openStorage } from '../storage/openStorage.ts';

// Issues a new organiser token (the old one stops working) and prints its link. Run it while Accord is stopped.
const config = loadConfig();
const storage = openStorage(config, pino({ level: 'warn' }));
try {
  const access = new AccessService(new AccessRepository(storage.sql), new DocumentRepository(storage.sql));
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  process.stdout.write(`New organiser link: ${organiserUrl(base, access.rotateOrganiserToken())}\n`);
} finally {
  storage.close();
}
