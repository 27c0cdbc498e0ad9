import * as Y from 'yjs';
import type { DocumentRepository } from '../../storage/documentRepository.ts';
import type { YjsUpdateRepository } from '../../storage/yjsUpdateRepository.ts';
import type { AccessService } from '../../services/access/index.ts';
import { DEMO_CONTENT, DEMO_DELEGATIONS, DEMO_TITLE } from './demoContent.ts';
import { loadEditorKit } from '../editorKit/loadEditorKit.ts';
import { newId } from '../tokens.ts';

export interface DemoSeed {
  documentId: string;
  title: string;
  invites: { delegation: string; role: string; url: string }[];
}

export interface DemoSeedDeps {
  documents: DocumentRepository;
  access: AccessService;
  updates: YjsUpdateRepository;
  baseUrl: string;
}

/** Seeds the demo document with its invites, once: only into a database that has no document yet. */
export async function seedDemo({ documents, access, updates, baseUrl }: DemoSeedDeps): Promise<DemoSeed | undefined> {
  if (documents.list().length > 0) return undefined;
  const { EDITOR_FRAGMENT, editorSchema, prosemirrorJSONToYDoc } = await loadEditorKit();
  // Checked again after the wait: the server already listens, and a document made meanwhile means it is not new.
  if (documents.list().length > 0) return undefined;
  const document = documents.insert({ id: newId(), title: DEMO_TITLE, createdAt: new Date().toISOString() });
  const ydoc = prosemirrorJSONToYDoc(editorSchema(), DEMO_CONTENT, EDITOR_FRAGMENT);
  updates.compact(document.id, Y.encodeStateAsUpdate(ydoc));
  const invites = DEMO_DELEGATIONS.map(({ delegation, role }) => {
    const invite = access.createInvite(document.id, { delegation, role }, baseUrl, 'Accord (demo)');
    return { delegation, role, url: invite.url };
  });
  return { documentId: document.id, title: document.title, invites };
}
