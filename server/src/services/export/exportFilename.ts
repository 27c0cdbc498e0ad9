/** Characters no file system or browser accepts in a file name, and control characters (hence the lint exception). */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f/\\:*?"<>|]+/g;
const MAX_NAME = 120;

/**
 * A `Content-Disposition: attachment` value for `name` (a document title plus extension): a plain ASCII `filename`
 * for old clients and an RFC 5987 `filename*` that keeps Arabic or accented titles intact.
 */
export function attachmentDisposition(baseName: string, extension: string): string {
  const unicode = baseName.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().slice(0, MAX_NAME) || 'document';
  const ascii =
    unicode
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9 ._-]+/g, ' ')
      .replace(/ +/g, ' ')
      .replace(/^[ ._-]+|[ ._-]+$/g, '') || 'document';
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${rfc5987(`${unicode}.${extension}`)}`;
}

/** RFC 5987 value characters: encodeURIComponent leaves a few that the grammar does not allow. */
function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
