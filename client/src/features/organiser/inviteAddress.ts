/** Host names that only this computer can reach: links to them cannot be opened from a phone. */
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/** The loopback host an invite link points at, if it does. */
export function loopbackHost(url: string): string | undefined {
  try {
    const { hostname } = new URL(url);
    return LOOPBACK.test(hostname) ? hostname : undefined;
  } catch {
    return undefined;
  }
}

/** The same invite at another address: the token travels in the fragment, so any address of this server works. */
export function atAddress(url: string, origin: string | undefined): string {
  if (!origin) return url;
  const { pathname, hash } = new URL(url);
  return `${origin.replace(/\/+$/, '')}${pathname}${hash}`;
}
