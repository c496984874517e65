import { useT } from '../../i18n/useT.js';
import { roundOfRoom } from '@live-workshop/shared/pure';
import { useEvent, usePhase } from '../../session/useLw.js';
import { useRoomNotes } from './roomNotesStore.js';

/** The report-back on the stage: the notes of each breakout room of the round before, as text, while the report-back item runs. */
export function ReportBackNotes() {
  const t = useT();
  const phase = usePhase();
  const event = useEvent();
  const reportBack = useRoomNotes((s) => s.reportBack);
  if (!reportBack || !phase || !('itemIndex' in phase) || phase.itemIndex !== reportBack.itemIndex) return null;
  return (
    <section className="panel report-back" aria-labelledby="report-back-heading" data-testid="report-back">
      <h3 id="report-back-heading">{t('notes.reportBackHeading', { round: reportBack.roundTitle })}</h3>
      <ul className="plain-list">
        {reportBack.rooms.map((room) => (
          <li key={room.breakoutId} data-testid="report-back-room">
            {/* The room's title in the reader's language, where the event file gives one. */}
            <h4>{(event && roundOfRoom(event, room.breakoutId)?.rooms.find((r) => r.id === room.breakoutId)?.title) ?? room.title}</h4>
            {room.notes && room.notes.text.trim() !== '' ? (
              <>
                <p className="room-notes-text" style={{ whiteSpace: 'pre-wrap' }}>{room.notes.text}</p>
                <p className="hint">{t('notes.writtenBy', { name: room.notes.updatedBy })}</p>
              </>
            ) : <p className="hint">{t('notes.noneFromRoom')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
