import { useAssignedRoom, useLw, usePhase } from '../../session/useLw.js';
import { BackstageView } from './BackstageView.js';
import { BreakoutView } from './BreakoutView.js';
import { EndScreen } from '../end/EndScreen.js';
import { Lobby } from './Lobby.js';
import { StageView } from './StageView.js';
import { t } from '../../i18n/i18n.js';

/** What to show, from the phase and the room the server puts us in. */
export function PhaseView() {
  const phase = usePhase();
  const roomId = useAssignedRoom();
  const visiting = useLw((s) => s.assignment.visit !== null);
  if (!phase) return <p className="hint">{t('phase.loading')}</p>;
  if (phase.kind === 'ended') return <EndScreen />;
  if (roomId === 'backstage') return <BackstageView />;
  if (roomId?.startsWith('breakout:')) return <BreakoutView />;
  if (roomId === 'plenary' && visiting) return <StageView />;
  if (phase.kind === 'scheduled' || phase.kind === 'lobby') return <Lobby />;
  if (roomId === 'plenary') return <StageView />;
  return (
    <section className="room">
      <p>{t('phase.noRoom')}</p>
    </section>
  );
}
