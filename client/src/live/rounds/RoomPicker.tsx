import { useId, useState } from 'react';
import { roundOpenForPicking } from '@live-workshop/shared/pure';
import { sendCommand } from '../../session/socket.js';
import { pickAccepted } from '../../session/store/picksActions.js';
import { useEvent, useLw, useMe, usePhase } from '../../session/useLw.js';

/**
 * During the item before a self-select round: pick your room for it. A radio group with each room's
 * live count; a full room cannot be picked (unless it is yours). Those who do not pick are placed
 * by their preferences when the round opens.
 */
export function RoomPicker() {
  const event = useEvent();
  const phase = usePhase();
  const me = useMe();
  const board = useLw((s) => s.picks.board);
  const yours = useLw((s) => s.picks.yours);
  const [sending, setSending] = useState(false);
  const base = useId();
  const round = event && phase ? roundOpenForPicking(event, phase) : null;
  if (!round || me?.role !== 'attendee') return null;
  // Until the first board arrives, the rooms with no counts yet.
  const rooms = board?.roundKey === round.key ? board.rooms : round.rooms.map((r) => ({ id: r.id, title: r.title, topic: r.topic, capacity: r.capacity, picked: 0 }));

  const pick = async (roomId: string) => {
    setSending(true);
    const result = await sendCommand({ type: 'pickBreakout', breakoutId: roomId });
    setSending(false);
    if (result.ok) pickAccepted(roomId);
  };

  return (
    <fieldset className="room-picker" data-testid="room-picker" aria-describedby={`${base}-hint`}>
      <legend>Pick your room for {round.title}</legend>
      <p id={`${base}-hint`} className="hint">
        {yours ? 'You can change your pick until the round starts.' : 'If you do not pick, you are placed by your preferences.'}
      </p>
      {rooms.map((r) => {
        const full = r.picked >= r.capacity && yours !== r.id;
        return (
          <div className="field-check" key={r.id}>
            <input
              type="radio"
              id={`${base}-${r.id}`}
              name={`${base}-room`}
              value={r.id}
              checked={yours === r.id}
              disabled={full || sending}
              onChange={() => void pick(r.id)}
              data-testid={`pick-${r.id}`}
            />
            <label htmlFor={`${base}-${r.id}`}>
              {r.title} <span className="hint" data-testid={`pick-count-${r.id}`}>({r.picked} of {r.capacity}{full ? ', full' : ''})</span>
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
