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

/** Creates `count` documents through Accord's REST API (a few requests at a time) and returns their ids. */
export async function createBenchDocuments(baseUrl: string, organiserToken: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  const CONCURRENT = 8;
  for (let first = 0; first < count; first += CONCURRENT) {
    const batch = Array.from({ length: Math.min(CONCURRENT, count - first) }, (_, index) =>
      postJson(`${baseUrl}/api/documents`, organiserToken, { title: `Benchmark ${first + index + 1}` }),
    );
    for (const created of await Promise.all(batch)) ids.push(DocumentSummary.parse(created).id);
  }
  return ids;
}
