import WebSocket from 'ws';
import { decodeFrame } from '../../../shared/protocol/wireFormat.ts';

export interface RawSocket {
  socket: WebSocket;
  /** Resolves with the close code once the server (or we) closed the socket. */
  closed: Promise<number>;
  received: Uint8Array[];
}

/** A websocket speaking the protocol by hand, for frames no honest client sends. */
export async function openRawSocket(url: string, options: WebSocket.ClientOptions = {}): Promise<RawSocket> {
  const socket = new WebSocket(url, options);
  const received: Uint8Array[] = [];
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  return { socket, closed, received };
}

/** The Yjs updates carried by the frames of `kind` the socket received, in order. */
export function updatesReceived(raw: RawSocket, kind: 'update' | 'syncStep2'): Uint8Array[] {
  return raw.received.flatMap((data) => {
    const frame = decodeFrame(data);
    return frame.kind === kind ? [frame.update] : [];
  });
}
