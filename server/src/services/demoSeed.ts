import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { schemaExtensions } from '../../../shared/editor/schemaExtensions.ts';
import type { DocumentRepository } from '../storage/documentRepository.ts';
import type { YjsUpdateRepository } from '../storage/yjsUpdateRepository.ts';
import type { AccessService } from './accessService.ts';
import { DEMO_CONTENT, DEMO_DELEGATIONS, DEMO_TITLE } from './demoContent.ts';
import { newId } from './tokens.ts';

/** The Y.XmlFragment Tiptap's Collaboration extension edits by default. */
export const EDITOR_FRAGMENT = 'default';

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
export function seedDemo({ documents, access, updates, baseUrl }: DemoSeedDeps): DemoSeed | undefined {
  if (documents.list().length > 0) return undefined;
  const document = documents.insert({ id: newId(), title: DEMO_TITLE, createdAt: new Date().toISOString() });
  const ydoc = prosemirrorJSONToYDoc(getSchema(schemaExtensions()), DEMO_CONTENT, EDITOR_FRAGMENT);
  updates.compact(document.id, Y.encodeStateAsUpdate(ydoc));
  const invites = DEMO_DELEGATIONS.map(({ delegation, role }) => {
    const invite = access.createInvite(document.id, { delegation, role }, baseUrl);
    return { delegation, role, url: invite.url };
  });
  return { documentId: document.id, title: document.title, invites };
}
