import { loadConfig } from '../config.ts';
import { AccessService, organiserUrl } from '../services/access/index.ts';
import { AccessRepository } from '../storage/accessRepository.ts';
import { openDatabase } from '../storage/database.ts';
import { DocumentRepository } from '../storage/documentRepository.ts';

// Issues a new organiser token (the old one stops working) and prints its link. Run it while Accord is stopped.
const config = loadConfig();
const db = openDatabase(config.dataDir, { synchronous: config.synchronous });
try {
  const access = new AccessService(new AccessRepository(db), new DocumentRepository(db));
  const base = config.publicUrl ?? `http://${config.host}:${config.port}`;
  process.stdout.write(`New organiser link: ${organiserUrl(base, access.rotateOrganiserToken())}\n`);
} finally {
  db.close();
}
