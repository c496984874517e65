import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FacilitatorInvite } from '@live-workshop/shared';
import { problemOf } from '../net/api.js';
import { announce } from '../session/store/actions.js';
import { useT } from '../i18n/useT.js';
import { fetchFacilitatorInvites, inviteFacilitator, withdrawFacilitator } from './moderatorApi.js';

const KEY = ['moderator', 'facilitators'] as const;

/**
 * A facilitator (or rapporteur) per breakout room, by invite link: make a room's link for a name
 * (the event file's `facilitator:` to begin with), copy it, withdraw it. The link made is shown
 * here until the panel is left; a new one can be made at any time (earlier ones keep working until
 * withdrawn). The server decides what the facilitator may do.
 */
export function FacilitatorLinksPanel({ credential }: { credential: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: KEY, queryFn: () => fetchFacilitatorInvites(credential) });
  const [names, setNames] = useState<Record<string, string>>({});
  const [links, setLinks] = useState<Record<string, string>>({});
  const invite = useMutation({
    mutationFn: (room: FacilitatorInvite) => inviteFacilitator(credential, room.breakoutId, names[room.breakoutId] ?? room.name),
    onSuccess: (made) => {
      setLinks((l) => ({ ...l, [made.invite.breakoutId]: made.url }));
      announce(t('console.facilitators.made', { room: made.invite.roomTitle }));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const withdraw = useMutation({
    mutationFn: (room: FacilitatorInvite) => withdrawFacilitator(credential, room.breakoutId),
    onSuccess: (room) => {
      setLinks(({ [room.breakoutId]: _gone, ...rest }) => rest);
      announce(t('console.facilitators.withdrawn', { room: room.roomTitle }));
      void queryClient.invalidateQueries({ queryKey: KEY });
    },
  });
  const copy = (url: string) => {
    void navigator.clipboard?.writeText(url).then(() => announce(t('console.facilitators.copied')), () => undefined);
  };
  const busy = invite.isPending || withdraw.isPending;
  const problem = problemOf(query, t('console.facilitators.failed')) ?? problemOf(invite, t('console.facilitators.failed')) ?? problemOf(withdraw, t('console.facilitators.failed'));
  const rooms = query.data?.rooms ?? [];
  const rounds = [...new Set(rooms.map((r) => r.roundTitle))];
  return (
    <section className="panel" aria-labelledby="facilitator-links-heading" data-testid="facilitator-links">
      <h2 id="facilitator-links-heading">{t('console.facilitators.heading')}</h2>
      <p className="hint">{t('console.facilitators.hint')}</p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {rounds.map((round) => (
        <div key={round}>
          {rounds.length > 1 && <h3>{round}</h3>}
          <ul className="staff-links">
            {rooms.filter((r) => r.roundTitle === round).map((room) => {
              const url = links[room.breakoutId];
              return (
                <li key={room.breakoutId} data-testid={`facilitator-${room.breakoutId}`}>
                  <strong>{room.roomTitle}</strong>{' '}
                  <span data-testid={`facilitator-${room.breakoutId}-state`}>{room.invited ? t('console.facilitators.invited') : t('console.facilitators.notInvited')}</span>
                  <div className="row">
                    <label>
                      {t('console.facilitators.name')}{' '}
                      <input
                        value={names[room.breakoutId] ?? room.name}
                        maxLength={120}
                        onChange={(e) => setNames((n) => ({ ...n, [room.breakoutId]: e.target.value }))}
                        data-testid={`facilitator-${room.breakoutId}-name`}
                      />
                    </label>
                    <button type="button" disabled={busy} onClick={() => invite.mutate(room)} data-testid={`facilitator-${room.breakoutId}-make`}>
                      {room.invited ? t('console.facilitators.makeAgain') : t('console.facilitators.make')}
                    </button>
                    {room.invited && (
                      <button type="button" className="secondary" disabled={busy} onClick={() => withdraw.mutate(room)} data-testid={`facilitator-${room.breakoutId}-withdraw`}>
                        {t('console.facilitators.withdraw')}
                      </button>
                    )}
                  </div>
                  {url && (
                    <div className="row">
                      <input readOnly value={url} aria-label={t('console.facilitators.linkOf', { room: room.roomTitle })} onFocus={(e) => e.currentTarget.select()} data-testid={`facilitator-${room.breakoutId}-link`} />
                      <button type="button" className="secondary" onClick={() => copy(url)} data-testid={`facilitator-${room.breakoutId}-copy`}>
                        {t('console.facilitators.copy')}
                      </button>
                    </div>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </section>
  );
}
