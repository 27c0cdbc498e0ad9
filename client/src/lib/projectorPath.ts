/** The room screen of a document: `/documents/:id/projector` (docs/api.md, "The room screen"). */
export const projectorPath = (documentId: string) => `/documents/${encodeURIComponent(documentId)}/projector`;

/** The query an invite link takes to open the room screen instead of the editor: `/join?view=projector#<token>`. */
export const PROJECTOR_VIEW = 'projector';

/** An invite link (`<base>/join#<token>`) made to open the room screen: `<base>/join?view=projector#<token>`. */
export function projectorInviteUrl(inviteUrl: string): string {
  const url = new URL(inviteUrl);
  url.searchParams.set('view', PROJECTOR_VIEW);
  return url.toString();
}
