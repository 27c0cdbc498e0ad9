import { CreatedInvite, DocumentSummary } from '../../shared/api/documents.ts';

export interface BenchDocument {
  documentId: string;
  /** A delegate invite token for that document, sent by the websocket clients as `?token=`. */
  inviteToken: string;
}

async function postJson(url: string, organiserToken: string, body: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${organiserToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

/** Creates a document and a delegate invite to it through Accord's REST API, as an organiser would. */
export async function createBenchDocument(baseUrl: string, organiserToken: string, title: string): Promise<BenchDocument> {
  const document = DocumentSummary.parse(await postJson(`${baseUrl}/api/documents`, organiserToken, { title }));
  const invite = CreatedInvite.parse(
    await postJson(`${baseUrl}/api/documents/${encodeURIComponent(document.id)}/invites`, organiserToken, {
      role: 'delegate',
      delegation: 'Bench',
    }),
  );
  return { documentId: document.id, inviteToken: invite.token };
}
