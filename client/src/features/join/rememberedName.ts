const KEY = 'accord.personName';

/** The name this browser last joined with, offered again on the next invite link. */
export function rememberedName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Private modes may refuse storage; the person then types their name again next time.
  }
}
