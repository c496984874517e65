import { useEvent, useMe } from '../../session/useLw.js';
import { currentCredential } from '../../session/credential.js';
import { CertificatePanel } from './CertificatePanel.js';
import { MyDataPanel } from './MyDataPanel.js';
import { QueryProvider } from '../../net/queryClient.js';
import { currentLocale, t } from '../../i18n/i18n.js';

/** After the closing: thanks, the certificate of participation, and (attendees) their own data. */
export function EndScreen({ credential = currentCredential() }: { credential?: string | null }) {
  const event = useEvent();
  const me = useMe();
  return (
    <section className="end" aria-labelledby="end-heading" data-testid="end-screen">
      <h2 id="end-heading">{me ? t('end.thanksName', { name: me.name }) : t('end.thanks')}</h2>
      <p>{event ? t('end.hasEnded', { title: event.title }) : t('end.workshopEnded')}</p>
      {event && event.organisers.length > 0 && <p>{t('end.organisedBy', { names: new Intl.ListFormat(currentLocale(), { type: 'conjunction' }).format(event.organisers) })}</p>}
      {credential && (
        <QueryProvider>
          <CertificatePanel credential={credential} />
          {me?.role === 'attendee' && <MyDataPanel credential={credential} />}
        </QueryProvider>
      )}
    </section>
  );
}
