/**
 * A person's role as the server knows it, shown as a badge beside their name: a styled element a
 * name (plain text) cannot imitate, whatever someone types into it ("Ana (moderator)").
 */
import type { Role } from '@live-workshop/shared';

const ROLE_WORDS: Record<Exclude<Role, 'attendee'>, string> = { moderator: 'Moderator', speaker: 'Speaker', captioner: 'Captioner' };

/** Nothing for attendees; a badge for moderators, speakers and captioners. */
export function RoleBadge({ role }: { role: Role }) {
  if (role === 'attendee') return null;
  return (
    <span className={`role-badge role-${role}`} data-testid="role-badge">
      <span aria-hidden="true">★ </span>
      {ROLE_WORDS[role]}
    </span>
  );
}
