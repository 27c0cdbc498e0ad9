import type { AuditEntry } from '../../storage/auditLogRepository.ts';
import { authorOf } from './authorOf.ts';
import type { Principal } from './principal.ts';

/** The audit log entry of `principal` doing `what`; the log names the actor as `name (delegation)`, as people read it. */
export function auditEntry(principal: Principal, what: Omit<AuditEntry, 'actorId' | 'actorName'>): AuditEntry {
  const actor = authorOf(principal);
  return { ...what, actorId: actor.id, actorName: `${actor.name} (${actor.delegation})` };
}
