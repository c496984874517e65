/** After registering: the join link is on its way to the address given (it never shows here). */
import type { Registration } from '@live-workshop/shared';

/** "Check your inbox": the same for a new address and a known one, so it tells nobody who is registered. */
export function JoinLinkCard({ registration }: { registration: Registration }) {
  return (
    <section className="join-card" aria-labelledby="join-card-heading" data-testid="registration-done">
      <h3 id="join-card-heading">Check your inbox</h3>
      <p>
        We have sent your personal join link to <strong data-testid="registration-email">{registration.email}</strong>, with a
        calendar entry. Open the link to confirm your address: that completes your registration.
      </p>
      <p className="hint">
        Nothing after a few minutes? Look in the spam folder, or register again with the same address to get the link once more.
      </p>
    </section>
  );
}
