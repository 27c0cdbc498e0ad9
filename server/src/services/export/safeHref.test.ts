import { describe, expect, it } from 'vitest';
import { safeHref } from './safeHref.ts';

describe('safeHref', () => {
  it('keeps http, https and mailto links, in canonical form', () => {
    expect(safeHref('https://example.org/a b')).toBe('https://example.org/a%20b');
    expect(safeHref('HTTP://Example.org')).toBe('http://example.org/');
    expect(safeHref('  mailto:rapporteurs@example.org')).toBe('mailto:rapporteurs@example.org');
  });

  it('drops every other scheme however it is disguised', () => {
    for (const href of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' \u0001javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '&#106;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'https:',
      '',
    ]) {
      expect(safeHref(href), JSON.stringify(href)).toBeUndefined();
    }
    expect(safeHref(42)).toBeUndefined();
    expect(safeHref(undefined)).toBeUndefined();
  });
});
