import nodemailer from 'nodemailer';
import { eventWindowMs, formatDate, timeSpanWords, type EventConfig } from '@live-workshop/shared';
import type { Log } from '../../platform/log.js';

/** Sends a person their join link (the only way a link reaches an attendee). */
export interface JoinLinkMailer {
  send(to: { name: string; email: string }, event: EventConfig, joinUrl: string, ics: string): Promise<void>;
  /** A short message about their registration, with no link. */
  sendNotice(to: { name: string; email: string }, event: EventConfig, text: string): Promise<void>;
  close(): void;
}

/** "Thursday 23 October 2025, 09:30–13:00 CEST, UTC+2 (Europe/Brussels)": the reader's zone is unknown, the calendar file converts. */
export function eventWhenWords(event: EventConfig): string {
  const { startMs, endMs } = eventWindowMs(event);
  return `${formatDate(startMs, event.timeZone)}, ${timeSpanWords(startMs, endMs, event.timeZone, event.timeZone).there} (${event.timeZone})`;
}

/** A nodemailer transport for SMTP_URL (e.g. smtp://user:pass@mail.example.org:587). */
export function createJoinLinkMailer(smtpUrl: string, from: string, log: Log): JoinLinkMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(to, event, joinUrl, ics) {
      await transport.sendMail({
        from, to: { name: to.name, address: to.email },
        subject: `Your link to join: ${event.title}`,
        text: `Hello ${to.name},\n\nyou are registered for "${event.title}" on ${eventWhenWords(event)}.\n\nYour personal join link (do not share it):\n${joinUrl}\n\nThe attached calendar file holds the same link.\n`,
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
