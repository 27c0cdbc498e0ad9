import { LanguageList, LanguageVersionSummary } from '../../../../shared/api/languages.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { apiCommand, apiRequest } from '../../lib/api.ts';

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/languages`;

export const fetchLanguages = (documentId: string) => apiRequest(LanguageList, 'GET', base(documentId));

export const addLanguage = (documentId: string, language: LanguageCode) =>
  apiRequest(LanguageVersionSummary, 'POST', base(documentId), { language });

export const removeLanguage = (documentId: string, language: LanguageCode) =>
  apiCommand('DELETE', `${base(documentId)}/${language}`);

/** Where the side-by-side view of `language` lives. */
export const sideBySidePath = (documentId: string, language: LanguageCode) =>
  `/documents/${encodeURIComponent(documentId)}/languages/${language}`;
