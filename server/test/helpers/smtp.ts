import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received {
  to: string[];
  message: string;
}

export interface TestSmtp {
  server: SMTPServer;
  port: number;
  received: Received[];
  /** The subject line of each message received so far. */
  subjects(): (string | undefined)[];
  close(): Promise<void>;
}

/** A real SMTP server (the `smtp-server` package) on a free port, keeping what it receives. */
export async function startSmtp(): Promise<TestSmtp> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), message: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.server.address() as AddressInfo).port,
    received,
    subjects: () => received.map((mail) => /^Subject: (.*)$/m.exec(mail.message)?.[1]),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
