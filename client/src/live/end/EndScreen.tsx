import { useEvent, useMe } from '../../session/useLw.js';
import { currentCredential } from '../../session/credential.js';
import { CertificatePanel } from './CertificatePanel.js';
import { MyDataPanel } from './MyDataPanel.js';
import { QueryProvider } from '../../net/queryClient.js';

/** After the closing: thanks, the certificate of participation, and (attendees) their own data. */
export function EndScreen({ credential = currentCredential() }: { credential?: string | null }) {
  const event = useEvent();
  const me = useMe();
  return (
    <section className="end" aria-labelledby="end-heading" data-testid="end-screen">
      <h2 id="end-heading">Thank you for taking part{me ? `, ${me.name}` : ''}!</h2>
      <p>“{event?.title ?? 'The workshop'}” has ended.</p>
      {event && event.organisers.length > 0 && <p>Organised by {event.organisers.join(', ')}.</p>}
      {credential && (
        <QueryProvider>
          <CertificatePanel credential={credential} />
          {me?.role === 'attendee' && <MyDataPanel credential={credential} />}
        </QueryProvider>
      )}
    </section>
  );
}
