import { useState } from 'react';
import { REACTIONS, REACTION_FACES, type Reaction } from '@live-workshop/shared/pure';
import { refusalWords } from '../../session/refusals.js';
import { sendReaction } from '../segment/liveSegmentSocket.js';
import { t } from '../../i18n/i18n.js';

/** The six reactions as buttons (each named for screen readers); a refusal (too fast) is shown in words. */
export function ReactionBar() {
  const [problem, setProblem] = useState<string | null>(null);
  const react = async (reaction: Reaction) => {
    const result = await sendReaction(reaction);
    setProblem(result.ok ? null : refusalWords(result));
  };
  return (
    <div className="reaction-bar" role="group" aria-label={t('reactions.group')} data-testid="reaction-bar">
      {REACTIONS.map((r) => (
        <button key={r} type="button" className="reaction-button" onClick={() => void react(r)} aria-label={t(`reactions.name.${r}`)} title={t(`reactions.name.${r}`)} data-testid={`react-${r}`}>
          <span aria-hidden="true">{REACTION_FACES[r].emoji}</span>
        </button>
      ))}
      {problem && <p className="hint" role="status">{problem}</p>}
    </div>
  );
}
