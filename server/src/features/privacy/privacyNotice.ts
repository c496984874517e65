import type { EventConfig, PrivacyNotice } from '@live-workshop/shared';

/** Version of the notice people consent to; change it whenever the text changes. */
export const PRIVACY_NOTICE_VERSION = '2025-10-01';

/** The notice shown before registering; it names the event's organisers and its retention. */
export function privacyNoticeOf(event: EventConfig, retentionDays: number | null): PrivacyNotice {
  const keep = retentionDays
    ? `We delete your personal data ${retentionDays} days after the event ends, or earlier when the organisers purge the event.`
    : 'We keep your personal data until the organisers purge the event after it ends.';
  return {
    version: PRIVACY_NOTICE_VERSION,
    title: `Privacy notice: ${event.title}`,
    controller: event.organisers,
    sections: [
      { heading: 'Who is responsible', text: `The organisers of "${event.title}" (${event.organisers.join(', ') || 'the event team'}) decide how your data is used.` },
      { heading: 'What we collect', text: 'Your name, email address, organisation, country, the kind of stakeholder you are, your breakout room preferences and any accessibility needs you tell us. During the event: when you were connected and in which room (from the media server), and the chat messages you write.' },
      { heading: 'Why', text: 'To admit you to the workshop, place you in a breakout room, meet your accessibility needs, count attendance and issue your certificate of participation. Email is used only to send your join link.' },
      { heading: 'Who sees it', text: 'The organisers and moderators. Other participants see your name in the rooms you join and next to your chat messages. Audio and video are not recorded.' },
      { heading: 'How long', text: keep },
      { heading: 'Your rights', text: 'With your personal link you can download all data we hold about you and delete it at any time. Deleting it also ends your registration; chat messages you wrote stay, marked as from a deleted participant.' },
    ],
  };
}
