import type { HostedStaffLink } from '@live-workshop/shared';
import { useT } from '../../i18n/useT.js';

/** An event's personal staff links (moderators first), each to be sent only to the person it names. */
export function StaffLinksList({ links }: { links: readonly HostedStaffLink[] }) {
  const t = useT();
  return (
    <>
      <p className="hint">{t('organiser.links.hint')}</p>
      <ul className="staff-links" data-testid="staff-links">
        {links.map((l) => (
          <li key={l.id}>
            <strong>{t(`role.${l.role}`)}</strong> {l.name}:{' '}
            <input readOnly value={l.url} aria-label={t('organiser.links.linkOf', { name: l.name })} onFocus={(e) => e.currentTarget.select()} data-testid={`staff-link-${l.id}`} />
          </li>
        ))}
      </ul>
    </>
  );
}
