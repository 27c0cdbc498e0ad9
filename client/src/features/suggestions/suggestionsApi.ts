import {
  BracketRemovalResult,
  type BulkSuggestionBody,
  SuggestionDecisionResult,
  type SuggestionDecisionName,
} from '../../../../shared/api/suggestions.ts';
import { apiRequest } from '../../lib/api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;

/** Accept, reject or withdraw one proposal: the server changes the live document and every editor follows. */
export const decideSuggestion = (documentId: string, suggestionId: string, decision: SuggestionDecisionName) =>
  apiRequest(SuggestionDecisionResult, 'POST', `${base(documentId)}/suggestions/${encodeURIComponent(suggestionId)}/${decision}`);

/** Accept or reject every proposal of a delegation (or all of them). */
export const decideAllSuggestions = (documentId: string, decision: 'accept' | 'reject', filter: BulkSuggestionBody) =>
  apiRequest(SuggestionDecisionResult, 'POST', `${base(documentId)}/suggestions/${decision}`, filter);

export const removeBrackets = (documentId: string, bracketId: string) =>
  apiRequest(BracketRemovalResult, 'POST', `${base(documentId)}/brackets/${encodeURIComponent(bracketId)}/remove`);
