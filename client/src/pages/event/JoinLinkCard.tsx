/** After registering: the join link is on its way to the address given (it never shows here). */
import { useEffect, useRef } from 'react';
import type { Registration } from '@live-workshop/shared';
import { Rich } from '../../i18n/Rich.js';
import { useT } from '../../i18n/useT.js';

/**
 * "Check your inbox": the same for a new address and a known one, so it tells nobody who is registered.
 * It takes the form's place, so focus goes to its heading (not to <body> with the form gone).
 */
export function JoinLinkCard({ registration, id }: { registration: Registration; id?: string }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  return (
    <section id={id} className="join-card" aria-labelledby="join-card-heading" data-testid="registration-done">
      <h2 id="join-card-heading" tabIndex={-1} ref={heading}>
        {t('register.done.heading')}
      </h2>
      <p>
        <Rich text={(m) => t('register.done.body', m)} parts={{ email: <strong data-testid="registration-email">{registration.email}</strong> }} />
      </p>
      <p className="hint">{t('register.done.hint')}</p>
    </section>
  );
}
