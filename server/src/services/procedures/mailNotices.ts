import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

/** A notice to people outside Accord (e-mail); sending never fails the action that caused it. */
export interface Notices {
  send(to: readonly string[], subject: string, text: string): void;
  /** Resolves once every notice handed over so far was sent or failed (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

/** Used when no SMTP server is configured: nothing leaves the server. */
export const NO_NOTICES: Notices = { send: () => undefined, idle: async () => undefined, close: () => undefined };

/** E-mail through the organiser's SMTP server (`ACCORD_SMTP_URL`, e.g. smtp://user:pass@mail.venue.org:587). */
export function mailNotices(smtpUrl: string, from: string, logger: Logger): Notices {
  const transport = nodemailer.createTransport(smtpUrl);
  const pending = new Set<Promise<void>>();
  return {
    send(to, subject, text) {
      if (to.length === 0) return;
      const sending = transport
        .sendMail({ from, bcc: [...to], subject, text })
        .then(
          () => logger.info({ subject, recipients: to.length }, 'notice e-mailed'),
          (error: unknown) => logger.warn({ err: error, subject }, 'notice could not be e-mailed'),
        )
        .finally(() => pending.delete(sending));
      pending.add(sending);
    },
    async idle() {
      await Promise.all([...pending]);
    },
    close: () => transport.close(),
  };
}
