import type { Role } from './roles.ts';

/**
 * Everything a person may try to do to a document. The server enforces these; the client uses the same function only
 * to hide what would be refused.
 */
export type Action =
  | 'document.read'
  | 'document.edit'
  | 'document.manage'
  | 'document.freeze'
  | 'invite.manage'
  | 'thread.read'
  | 'thread.post'
  | 'thread.resolve'
  | 'snapshot.create'
  | 'snapshot.restore'
  | 'consensus.set'
  | 'consensus.reserve'
  | 'suggestion.propose'
  | 'suggestion.decide'
  | 'suggestion.withdraw'
  | 'bracket.add'
  | 'bracket.remove'
  | 'alternative.propose'
  | 'alternative.retain'
  | 'noChange.mark'
  | 'procedure.manage'
  | 'silence.break'
  | 'numbering.lock'
  | 'numbering.renumber'
  | 'presenter.choose'
  | 'export';

export interface PolicySubject {
  /** A frozen document is read-only for every role until an organiser unfreezes it. */
  frozen: boolean;
}

/** What rapporteurs may do: run the text and its negotiation. */
const RAPPORTEUR_ACTIONS: readonly Action[] = [
  'document.read',
  'document.edit',
  'thread.read',
  'thread.post',
  'thread.resolve',
  'snapshot.create',
  'snapshot.restore',
  'consensus.set',
  'suggestion.propose',
  'suggestion.decide',
  'suggestion.withdraw',
  'bracket.add',
  'bracket.remove',
  'numbering.lock',
  // Whom the room screen follows (the presenter): a choice that lives in awareness, checked by the screen.
  'presenter.choose',
  'alternative.propose',
  'alternative.retain',
  'export',
];

const allowed: Record<Role, ReadonlySet<Action>> = {
  // Organisers can do everything rapporteurs can, and set up the document.
  organiser: new Set<Action>([...RAPPORTEUR_ACTIONS, 'document.manage', 'document.freeze', 'invite.manage', 'procedure.manage', 'numbering.renumber']),
  rapporteur: new Set<Action>(RAPPORTEUR_ACTIONS),
  // A reservation is a delegation's own position: only its delegates enter or withdraw it.
  // Delegates propose and bracket; they may withdraw only their own delegation's proposals (checked by the service).
  // `alternative.propose` also covers supporting an alternative and justifying one's own proposals: all are a
  // delegation speaking for itself, so the service checks the delegation.
  // Breaking silence is a delegation's act on a frozen text, so it is not a write that freezing stops.
  // "No change" (NOC) is a delegation's position on a recommendation: rapporteurs speak for no delegation.
  delegate: new Set<Action>([
    'noChange.mark',
    'silence.break',
    'document.read',
    'document.edit',
    'thread.read',
    'thread.post',
    'consensus.reserve',
    'suggestion.propose',
    'suggestion.withdraw',
    'bracket.add',
    'alternative.propose',
    'export',
  ]),
  observer: new Set<Action>(['document.read', 'thread.read', 'export']),
  // A translator writes only its own language version (textAccess.ts), never the source, and comments on any text.
  translator: new Set<Action>(['document.read', 'thread.read', 'thread.post', 'export']),
};

/** Actions that change the text or its discussion, and so stop while the document is frozen. */
const writes: ReadonlySet<Action> = new Set<Action>([
  'document.edit',
  'thread.post',
  'thread.resolve',
  'snapshot.restore',
  'consensus.set',
  'consensus.reserve',
  'suggestion.propose',
  'suggestion.decide',
  'suggestion.withdraw',
  'bracket.add',
  'bracket.remove',
  'numbering.lock',
  'numbering.renumber',
  'alternative.propose',
  'alternative.retain',
  'noChange.mark',
]);

/** Whether a person with `role` may do `action` on a document in the state `subject`. */
export function can(role: Role, action: Action, subject: PolicySubject = { frozen: false }): boolean {
  if (!allowed[role].has(action)) return false;
  return !(subject.frozen && writes.has(action));
}
