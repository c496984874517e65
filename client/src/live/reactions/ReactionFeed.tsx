import { REACTIONS, REACTION_FACES, type Reaction } from '@live-workshop/shared/pure';
import { useLiveSegment } from '../segment/liveSegmentStore.js';
import { t } from '../../i18n/i18n.js';

/** How many emojis one interval floats up at most (the count says the rest). */
const MAX_FLOATING = 6;

/**
 * The room's reactions: the latest interval floats up over the stage (a light CSS animation that
 * `prefers-reduced-motion` turns off), and the totals since we came stay as text; speakers see the clap.
 */
export function ReactionFeed() {
  const recent = useLiveSegment((s) => s.reactions.recent);
  const totals = useLiveSegment((s) => s.reactions.totals);
  const latest = recent.at(-1);
  const shown = REACTIONS.filter((r) => (totals[r] ?? 0) > 0);
  return (
    <div className="reaction-feed" data-testid="reaction-feed">
      {latest && (
        <div className="reaction-float" aria-hidden="true" key={latest.seq}>
          {(Object.entries(latest.counts) as [Reaction, number][]).flatMap(([r, n]) =>
            Array.from({ length: Math.min(n, MAX_FLOATING) }, (_, i) => <span key={`${r}${i}`} className="reaction-emoji" style={{ animationDelay: `${i * 90}ms`, left: `${(REACTIONS.indexOf(r) * 16 + i * 3) % 96}%` }}>{REACTION_FACES[r].emoji}</span>))}
        </div>
      )}
      {shown.length > 0 && (
        <p className="reaction-totals hint">
          Reactions:{' '}
          {shown.map((r) => (
            <span key={r} className="reaction-total">
              {/* The name is written out: not every system has a font with these emojis. */}
              <span aria-hidden="true">{REACTION_FACES[r].emoji}</span> {t(`reactions.name.${r}`)}{' '}
              <span data-testid={`reaction-total-${r}`}>{totals[r]}</span>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}
