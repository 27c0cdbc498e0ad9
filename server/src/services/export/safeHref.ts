import { ALLOWED_LINK_PROTOCOLS, isAllowedHref } from '../../../../shared/editor/schemaExtensions.ts';

const ALLOWED_PROTOCOLS = new Set<string>(ALLOWED_LINK_PROTOCOLS.map((scheme) => `${scheme}:`));

/**
 * The URL a link may carry into an export, or undefined to keep only its text. `isAllowedHref` is the schema's rule;
 * parsing with the WHATWG URL parser (what browsers and most viewers use) then gives one canonical spelling, so a
 * disguised scheme that slipped past the first check would still be caught on the parsed protocol.
 */
export function safeHref(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !isAllowedHref(raw)) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  return ALLOWED_PROTOCOLS.has(url.protocol) ? url.href : undefined;
}
