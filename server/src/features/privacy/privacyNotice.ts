import { localizeEvent, type EventConfig, type PrivacyNotice } from '@live-workshop/shared';
import { wordsFor, type Words } from '../../platform/i18n.js';

/** Version of the notice people consent to; change it whenever the text changes. */
export const PRIVACY_NOTICE_VERSION = '2025-10-01';

/** The notice shown before registering, in the reader's language; it names the event's organisers and its retention. */
export function privacyNoticeOf(eventAsWritten: EventConfig, retentionDays: number | null, words: Words = wordsFor(null)): PrivacyNotice {
  const { t } = words;
  const event = localizeEvent(eventAsWritten, words.language);
  const organisers = event.organisers.length > 0 ? new Intl.ListFormat(words.locale, { type: 'conjunction' }).format(event.organisers) : t('privacy.eventTeam');
  return {
    version: PRIVACY_NOTICE_VERSION,
    title: t('privacy.title', { title: event.title }),
    controller: event.organisers,
    sections: [
      { heading: t('privacy.who.heading'), text: t('privacy.who.text', { title: event.title, organisers }) },
      { heading: t('privacy.what.heading'), text: t('privacy.what.text') },
      { heading: t('privacy.why.heading'), text: t('privacy.why.text') },
      { heading: t('privacy.sees.heading'), text: t('privacy.sees.text') },
      { heading: t('privacy.howLong.heading'), text: retentionDays ? t('privacy.howLong.days', { days: retentionDays }) : t('privacy.howLong.untilPurge') },
      { heading: t('privacy.rights.heading'), text: t('privacy.rights.text') },
    ],
  };
}
