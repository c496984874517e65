/**
 * A person's role as the server knows it, shown as a badge beside their name: a styled element a
 * name (plain text) cannot imitate, whatever someone types into it ("Ana (moderator)").
 */
import type { Role } from '@live-workshop/shared';
import { t } from '../i18n/i18n.js';


/** Nothing for attendees; a badge for moderators, speakers and captioners. */
export function RoleBadge({ role }: { role: Role }) {
  if (role === 'attendee') return null;
  return (
    <span className={`role-badge role-${role}`} data-testid="role-badge">
      <span aria-hidden="true">★ </span>
      {t(`role.${role}`)}
    </span>
  );
}
