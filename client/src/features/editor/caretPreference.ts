const KEY = 'accord.showCarets';

/** Whether this browser shows other people's carets and name labels (on unless the person turned them off). */
export function readShowCarets(): boolean {
  try {
    return window.localStorage.getItem(KEY) !== 'false';
  } catch {
    return true;
  }
}

export function rememberShowCarets(show: boolean): void {
  try {
    window.localStorage.setItem(KEY, String(show));
  } catch {
    // kept for this page only
  }
}
