import nodemailer from 'nodemailer';
import type { EventConfig } from '@live-workshop/shared';
import type { Log } from '../../platform/log.js';

/** Sends a person their join link (the only way a link reaches an attendee). */
export interface JoinLinkMailer {
  send(to: { name: string; email: string }, event: EventConfig, joinUrl: string, ics: string): Promise<void>;
  /** A short message about their registration, with no link. */
  sendNotice(to: { name: string; email: string }, event: EventConfig, text: string): Promise<void>;
  close(): void;
}

/** A nodemailer transport for SMTP_URL (e.g. smtp://user:pass@mail.example.org:587). */
export function createJoinLinkMailer(smtpUrl: string, from: string, log: Log): JoinLinkMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(to, event, joinUrl, ics) {
      await transport.sendMail({
        from, to: { name: to.name, address: to.email },
        subject: `Your link to join: ${event.title}`,
        text: `Hello ${to.name},\n\nyou are registered for "${event.title}" on ${event.date}, ${event.start}–${event.end} (${event.timeZone}).\n\nYour personal join link (do not share it):\n${joinUrl}\n\nThe attached calendar file holds the same link.\n`,
        icalEvent: { filename: 'workshop.ics', method: 'PUBLISH', content: ics },
      });
      log.info({ to: '[redacted]' }, 'join link mailed');
    },
    async sendNotice(to, event, text) {
      await transport.sendMail({
        from, to: { name: to.name, address: to.email }, subject: `Your registration: ${event.title}`, text: `Hello ${to.name},\n\n${text}\n`,
      });
      log.info({ to: '[redacted]' }, 'registration notice mailed');
    },
    close: () => transport.close(),
  };
}
