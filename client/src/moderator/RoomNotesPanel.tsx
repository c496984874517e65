import { useId, useState } from 'react';
import { roundsOf } from '@live-workshop/shared/pure';
import type { EventConfig } from '@live-workshop/shared';
import { useT } from '../i18n/useT.js';
import { RoomNotesEditor } from '../live/notes/RoomNotesEditor.js';
import { useRoomNotes } from '../live/notes/roomNotesStore.js';

/** Moderators: every breakout room's notes (which have some), and any room's notes to write or correct. */
export function RoomNotesPanel({ event }: { event: EventConfig }) {
  const t = useT();
  const rounds = roundsOf(event);
  const rooms = useRoomNotes((s) => s.rooms);
  const [chosen, setChosen] = useState(rounds[0]?.rooms[0]?.id ?? '');
  const pick = useId();
  if (rounds.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="room-notes-heading" data-testid="room-notes-panel">
      <h2 id="room-notes-heading">{t('notes.panelHeading')}</h2>
      <label htmlFor={pick}>{t('notes.room')}</label>
      <select id={pick} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="room-notes-room">
        {rounds.map((round) => (
          <optgroup key={round.key} label={round.title}>
            {round.rooms.map((room) => (
              <option key={room.id} value={room.id}>
                {rooms[room.id]?.text ? t('notes.roomWithNotes', { title: room.title }) : room.title}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {/* One editor per room, so a draft never follows the choice to another room. */}
      {chosen && <RoomNotesEditor key={chosen} breakoutId={chosen} />}
    </section>
  );
}
