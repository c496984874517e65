/** After registering: the join link is on its way to the address given (it never shows here). */
import type { Registration } from '@live-workshop/shared';
import { Rich } from '../../i18n/Rich.js';
import { useT } from '../../i18n/useT.js';

/** "Check your inbox": the same for a new address and a known one, so it tells nobody who is registered. */
export function JoinLinkCard({ registration }: { registration: Registration }) {
  const t = useT();
  return (
    <section className="join-card" aria-labelledby="join-card-heading" data-testid="registration-done">
      <h3 id="join-card-heading">{t('register.done.heading')}</h3>
      <p>
        <Rich text={(m) => t('register.done.body', m)} parts={{ email: <strong data-testid="registration-email">{registration.email}</strong> }} />
      </p>
      <p className="hint">{t('register.done.hint')}</p>
    </section>
  );
}
