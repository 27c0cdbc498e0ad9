import { FreezeResult, RestoreResult, Version, VersionComparison, VersionContent, VersionList } from '../../../../shared/api/versions.ts';
import type { LanguageCode } from '../../../../shared/domain/languages.ts';
import { apiRequest } from '../../lib/api.ts';

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`;
const versionPath = (documentId: string, versionId: string) => `${documentPath(documentId)}/versions/${encodeURIComponent(versionId)}`;

/** "Compare with now": the compare endpoint takes this in place of a version id. */
export const CURRENT_TEXT = 'current';

/** The versions and freezing endpoints, each answer parsed with its shared schema. */
export const versionsApi = {
  list: async (documentId: string) => (await apiRequest(VersionList, 'GET', `${documentPath(documentId)}/versions`)).versions,
  create: (documentId: string, name: string) => apiRequest(Version, 'POST', `${documentPath(documentId)}/versions`, { name }),
  content: (documentId: string, versionId: string) => apiRequest(VersionContent, 'GET', versionPath(documentId, versionId)),
  /** `language`: compare that language version's text (default: the source). */
  compare: (documentId: string, from: string, to: string, language?: LanguageCode) =>
    apiRequest(
      VersionComparison,
      'GET',
      `${documentPath(documentId)}/compare?${new URLSearchParams({ from, to, ...(language ? { language } : {}) }).toString()}`,
    ),
  restore: (documentId: string, versionId: string) => apiRequest(RestoreResult, 'POST', `${versionPath(documentId, versionId)}/restore`),
  setFrozen: (documentId: string, frozen: boolean) => apiRequest(FreezeResult, 'POST', `${documentPath(documentId)}/freeze`, { frozen }),
};
