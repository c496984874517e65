import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitedOrganiser } from '@live-workshop/shared';
import { problemOf } from '../../net/api.js';
import { useT } from '../../i18n/useT.js';
import { fetchOrganisers, inviteOrganiser, revokeOrganiser } from './organiserApi.js';

/** The deployment's organisers: invite one (their link shown once, here), revoke one but never the last. */
export function OrganisersPanel({ credential, me }: { credential: string; me: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const key = ['organiser-accounts', credential];
  const query = useQuery({ queryKey: key, queryFn: () => fetchOrganisers(credential), retry: false });
  const [name, setName] = useState('');
  const [invited, setInvited] = useState<InvitedOrganiser | null>(null);
  const invite = useMutation({
    mutationFn: () => inviteOrganiser(credential, { name: name.trim() }),
    onSuccess: (made) => {
      setInvited(made);
      setName('');
      void queryClient.invalidateQueries({ queryKey: key });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => revokeOrganiser(credential, id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const organisers = query.data?.organisers ?? [];
  const problem = problemOf(query, t('organiser.failed')) ?? problemOf(invite, t('organiser.failed')) ?? problemOf(revoke, t('organiser.failed'));
  return (
    <section className="panel" aria-labelledby="organiser-accounts" data-testid="organiser-accounts">
      <h2 id="organiser-accounts">{t('organiser.accounts.heading')}</h2>
      {problem && <p role="alert" className="field-error">{problem}</p>}
      <ul>
        {organisers.map((o) => (
          <li key={o.id} data-testid={`organiser-account-${o.id}`}>
            {o.id === me ? t('organiser.accounts.you', { name: o.name }) : o.name}{' '}
            {organisers.length > 1 && (
              <button type="button" className="secondary" disabled={revoke.isPending} onClick={() => revoke.mutate(o.id)} aria-label={t('organiser.accounts.revokeOf', { name: o.name })}>
                {t('organiser.accounts.revoke')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {organisers.length === 1 && <p className="hint">{t('organiser.accounts.last')}</p>}
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          if (name.trim()) invite.mutate();
        }}
      >
        <label>
          {t('organiser.accounts.name')}{' '}
          <input value={name} maxLength={120} onChange={(e) => setName(e.target.value)} required data-testid="organiser-invite-name" />
        </label>
        <button type="submit" disabled={invite.isPending} data-testid="organiser-invite">{t('organiser.accounts.invite')}</button>
      </form>
      {invited && (
        <div className="notice" data-testid="organiser-invited">
          <p>{t('organiser.accounts.linkOnce', { name: invited.organiser.name })}</p>
          <input readOnly value={invited.url} aria-label={t('organiser.links.linkOf', { name: invited.organiser.name })} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
    </section>
  );
}
