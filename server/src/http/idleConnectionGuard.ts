import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Closes connections that never send a request within `ms` (Node's header timeout only starts once a request does).
 * A socket that opens and says nothing would otherwise hold a file descriptor forever.
 */
export function guardIdleConnections(server: Server, ms: number): void {
  const timers = new WeakMap<Socket, NodeJS.Timeout>();
  const settle = (socket: Socket) => {
    clearTimeout(timers.get(socket));
    timers.delete(socket);
  };
  server.on('connection', (socket: Socket) => {
    const timer = setTimeout(() => socket.destroy(), ms);
    timer.unref();
    timers.set(socket, timer);
    socket.once('close', () => settle(socket));
  });
  server.on('request', (req) => settle(req.socket));
  server.on('upgrade', (req) => settle(req.socket));
}
