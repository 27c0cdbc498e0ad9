import { describe, expect, it } from 'vitest';
import { projectorInviteUrl, projectorPath } from './projectorPath.ts';

describe('projector links', () => {
  it('puts view=projector before the fragment that carries the token', () => {
    expect(projectorInviteUrl('http://192.168.1.20:8080/join#abc-DEF_123')).toBe('http://192.168.1.20:8080/join?view=projector#abc-DEF_123');
  });

  it('encodes the document id in the screen path', () => {
    expect(projectorPath('a b/c')).toBe('/documents/a%20b%2Fc/projector');
  });
});
