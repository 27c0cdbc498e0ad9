import { waitFor } from './waitFor.ts';

export interface ServerSentEvent {
  event: string;
  data: unknown;
}

export interface EventStream {
  status: number;
  /** Every event received so far, in order. */
  events: ServerSentEvent[];
  /** Waits for an event matching `match` and returns it. */
  next(match: (event: ServerSentEvent) => boolean, what: string, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  close(): void;
}

/** Opens `GET url` as a Server-Sent Events stream (as EventSource would) with the given headers. */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: ServerSentEvent[] = [];
  const ended = (async () => {
    if (!response.ok || !response.body) return;
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let boundary: number;
        while ((boundary = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, boundary);
          buffer = buffer.slice(boundary + 2);
          const fields = block.split('\n').filter((line) => !line.startsWith(':'));
          const event = fields.find((line) => line.startsWith('event: '))?.slice('event: '.length);
          const data = fields.find((line) => line.startsWith('data: '))?.slice('data: '.length);
          if (event && data !== undefined) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error;
    }
  })();
  return {
    status: response.status,
    events,
    ended,
    next: (match, what, timeoutMs = 1000) => waitFor(() => events.find(match), what, timeoutMs),
    close: () => abort.abort(),
  };
}
