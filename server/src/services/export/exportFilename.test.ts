import { describe, expect, it } from 'vitest';
import { attachmentDisposition } from './exportFilename.ts';

describe('attachmentDisposition', () => {
  it('gives an ASCII name and the exact title in filename*', () => {
    expect(attachmentDisposition('Recommandations — révisées', 'pdf')).toBe(
      `attachment; filename="Recommandations revisees.pdf"; filename*=UTF-8''Recommandations%20%E2%80%94%20r%C3%A9vis%C3%A9es.pdf`,
    );
  });

  it('falls back to "document" when nothing of the title is ASCII', () => {
    expect(attachmentDisposition('توصيات', 'docx')).toMatch(/^attachment; filename="document\.docx"; filename\*=UTF-8''%D8%AA/);
  });

  it('cannot be broken out of: quotes, separators and control characters are replaced', () => {
    const value = attachmentDisposition('a"; filename=evil.exe\r\nX-Header: 1/../b', 'md');
    expect(value).not.toMatch(/[\r\n]/);
    expect(value.match(/"/g)).toHaveLength(2);
    expect(value).toMatch(/^attachment; filename="a_ filename evil.exe_X-Header_ 1_.._b\.md"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  });
});
