import { tokenize } from 'linkifyjs';

const SAFE_SCHEMES = new Set(['http:', 'https:']);

function safeHref(href: string): string | undefined {
  try {
    return SAFE_SCHEMES.has(new URL(href).protocol) ? href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A comment body: plain text, shown as text (React escapes it), with http and https links made clickable. Anything
 * else a link finder might recognise (mailto:, javascript: …) stays text.
 */
export function CommentText({ text }: { text: string }) {
  return (
    <p className="comment__body" dir="auto">
      {tokenize(text).map((token, index) => {
        const href = token.t === 'url' ? safeHref(token.toHref('https')) : undefined;
        return href ? (
          <a key={index} href={href} target="_blank" rel="noopener noreferrer nofollow">
            {token.toString()}
          </a>
        ) : (
          token.toString()
        );
      })}
    </p>
  );
}
