import nodemailer from 'nodemailer';
import { eventWindowMs, formatDate, localizeEvent, timeSpanWords, zoneNameAddsToLabel, type EventConfig } from '@live-workshop/shared';
import type { Log } from '../../platform/log.js';
import { wordsFor, type Words } from '../../platform/i18n.js';

/** Who a mail goes to, and the language they registered in (English when null). */
export interface Recipient {
  readonly name: string;
  readonly email: string;
  readonly language?: string | null;
}

/** Sends a person their join link (the only way a link reaches an attendee). */
export interface JoinLinkMailer {
  send(to: Recipient, event: EventConfig, joinUrl: string, ics: string): Promise<void>;
  /** A short message about their registration, with no link (`text` already in their language). */
  sendNotice(to: Recipient, event: EventConfig, text: string): Promise<void>;
  /** The event was cancelled or moved: `subject` and `text` in their language, with the calendar update (METHOD `method`). */
  sendUpdate(to: Recipient, update: { subject: string; text: string; ics: string; method: 'REQUEST' | 'CANCEL' }): Promise<void>;
  close(): void;
}

/**
 * "Thursday 23 October 2025, 09:30–13:00 CEST, UTC+2 (Europe/Brussels)" in the reader's language: their
 * zone is unknown, the calendar file converts. A zone whose name says no more than its label ("UTC")
 * is not repeated.
 */
export function eventWhenWords(event: EventConfig, words: Words = wordsFor(null)): string {
  const { startMs, endMs } = eventWindowMs(event);
  const when = `${formatDate(startMs, event.timeZone, words.locale)}, ${timeSpanWords(startMs, endMs, event.timeZone, event.timeZone, words.locale).there}`;
  return zoneNameAddsToLabel(event.timeZone) ? `${when} (${event.timeZone})` : when;
}

/** A nodemailer transport for SMTP_URL (e.g. smtp://user:pass@mail.example.org:587). */
export function createJoinLinkMailer(smtpUrl: string, from: string, log: Log): JoinLinkMailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(to, event, joinUrl, ics) {
      const words = wordsFor(to.language);
      const own = localizeEvent(event, words.language);
      await transport.sendMail({
        from, to: { name: to.name, address: to.email },
        subject: words.t('mail.joinLink.subject', { title: own.title }),
        text: `${words.t('mail.joinLink.body', { name: to.name, title: own.title, when: eventWhenWords(own, words), url: joinUrl })}\n`,
        headers: { 'Content-Language': words.language },
        icalEvent: { filename: 'workshop.ics', method: 'PUBLISH', content: ics },
      });
      log.info({ to: '[redacted]' }, 'join link mailed');
    },
    async sendNotice(to, event, text) {
      const words = wordsFor(to.language);
      const own = localizeEvent(event, words.language);
      await transport.sendMail({
        from, to: { name: to.name, address: to.email }, subject: words.t('mail.notice.subject', { title: own.title }),
        text: `${words.t('mail.greeting', { name: to.name })}\n\n${text}\n`, headers: { 'Content-Language': words.language },
      });
      log.info({ to: '[redacted]' }, 'registration notice mailed');
    },
    async sendUpdate(to, update) {
      await transport.sendMail({
        from, to: { name: to.name, address: to.email }, subject: update.subject, text: `${update.text}\n`,
        headers: { 'Content-Language': wordsFor(to.language).language },
        icalEvent: { filename: 'workshop.ics', method: update.method, content: update.ics },
      });
      log.info({ to: '[redacted]', method: update.method }, 'event update mailed');
    },
    close: () => transport.close(),
  };
}
