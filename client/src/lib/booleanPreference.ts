/** A yes/no choice a person makes once per browser, kept in localStorage (private modes may keep it for the page only). */
export function booleanPreference(key: string, fallback: boolean) {
  return {
    read(): boolean {
      try {
        const stored = window.localStorage.getItem(key);
        return stored === null ? fallback : stored === 'true';
      } catch {
        return fallback;
      }
    },
    write(value: boolean): void {
      try {
        window.localStorage.setItem(key, String(value));
      } catch {
        // kept for this page only
      }
    },
  };
}
