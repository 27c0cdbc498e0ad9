import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import type { Role } from '../../../../shared/domain/roles.ts';
import type { TextEditor } from '../../../../shared/domain/textAccess.ts';

/** Who is making a request, as established by the server from a token; never taken from the client's word. */
export type Principal =
  | { kind: 'organiser'; name: string; delegation: string; color: string }
  | {
      kind: 'member';
      documentId: string;
      inviteId: string;
      /** Null when a script uses the invite token directly instead of joining under a name. */
      memberId: string | null;
      name: string;
      delegation: string;
      color: string;
      role: Role;
      /** The language a translator translates; null for every other role. */
      language: LanguageCode | null;
    };

/** The role `principal` holds in `documentId`, or undefined if it has none there. */
export function roleIn(principal: Principal, documentId: string): Role | undefined {
  if (principal.kind === 'organiser') return 'organiser';
  return principal.documentId === documentId ? principal.role : undefined;
}

/** The role and translation language `principal` holds in `documentId`, for the per-text write rule. */
export function textEditorIn(principal: Principal, documentId: string): TextEditor | undefined {
  const role = roleIn(principal, documentId);
  if (!role) return undefined;
  return { role, language: principal.kind === 'member' ? principal.language : null };
}
