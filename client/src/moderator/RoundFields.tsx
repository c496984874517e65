/** A breakouts item's round in the event set-up form: whose rooms it opens (the event's, its own, an earlier round's), how it is filled, whether registration asks. */
import type { ReactNode } from 'react';
import { blankBreakout, type BreakoutDraft, type ItemDraft } from './eventDraft.js';

type FieldProps = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };

/** What the form lends the round's fields: its labelled field, its row error, the item's update. */
export interface RoundFieldsProps {
  readonly item: ItemDraft;
  readonly index: number;
  /** The items before this one (a round reuses an earlier round). */
  readonly earlier: readonly ItemDraft[];
  readonly field: (path: string, label: string, control: (props: FieldProps) => ReactNode, hint?: string) => ReactNode;
  readonly rowError: (path: string) => ReactNode;
  /** Change the item; `structural` when rows are added or removed (indexed errors no longer apply). */
  readonly setItem: (patch: Partial<ItemDraft>, structural?: boolean) => void;
}

/** The round fields of one breakouts item. */
export function RoundFields({ item, index: i, earlier, field, rowError, setItem }: RoundFieldsProps) {
  const rounds = earlier.filter((e) => e.kind === 'breakouts' && e.id);
  const setRoom = (j: number, patch: Partial<BreakoutDraft>) => setItem({ ownRooms: item.ownRooms.map((r, k) => (k === j ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="checks" data-testid={`round-${i}`}>
      <legend>Rooms of this round</legend>
      {field(`agenda.${i}.roomsFrom`, 'Rooms', (p) => (
        <select
          {...p}
          value={item.roomsFrom}
          onChange={(e) => {
            const roomsFrom = e.target.value as ItemDraft['roomsFrom'];
            setItem({ roomsFrom, ...(roomsFrom === 'own' && item.ownRooms.length === 0 ? { ownRooms: [blankBreakout()] } : {}) }, true);
          }}
        >
          <option value="event">The event’s breakout rooms (below)</option>
          <option value="own">Rooms of its own</option>
          {rounds.length > 0 && <option value="reuse">The rooms and people of an earlier round</option>}
        </select>
      ))}
      {item.roomsFrom === 'reuse' &&
        field(`agenda.${i}.reuse`, 'Earlier round', (p) => (
          <select {...p} value={item.reuse} onChange={(e) => setItem({ reuse: e.target.value })}>
            {!rounds.some((r) => r.id === item.reuse) && <option value={item.reuse}>Choose a round</option>}
            {rounds.map((r) => <option key={r.id} value={r.id}>{r.title || r.id}</option>)}
          </select>
        ))}
      {item.roomsFrom === 'own' && (
        <>
          {rowError(`agenda.${i}.rooms`)}
          {item.ownRooms.map((room, j) => (
            <fieldset key={room.key} className="row-card" data-testid={`round-${i}-room-${j}`}>
              <legend>Room {j + 1}</legend>
              {rowError(`agenda.${i}.rooms.${j}`)}
              {field(`agenda.${i}.rooms.${j}.title`, 'Title', (p) => <input {...p} value={room.title} onChange={(e) => setRoom(j, { title: e.target.value })} />)}
              {field(`agenda.${i}.rooms.${j}.topic`, 'Topic', (p) => <textarea {...p} rows={2} value={room.topic} onChange={(e) => setRoom(j, { topic: e.target.value })} />)}
              <div className="field-row">
                {field(`agenda.${i}.rooms.${j}.capacity`, 'Capacity', (p) => (
                  <input {...p} inputMode="numeric" className="short" value={room.capacity} onChange={(e) => setRoom(j, { capacity: e.target.value })} />
                ))}
                {field(`agenda.${i}.rooms.${j}.facilitator`, 'Facilitator', (p) => <input {...p} value={room.facilitator} onChange={(e) => setRoom(j, { facilitator: e.target.value })} />)}
              </div>
              <button
                type="button" className="danger small" disabled={item.ownRooms.length === 1}
                onClick={() => setItem({ ownRooms: item.ownRooms.filter((_, k) => k !== j) }, true)}
                aria-label={`Remove room ${j + 1} of item ${i + 1}`}
              >
                Remove
              </button>
            </fieldset>
          ))}
          <button type="button" className="secondary small" onClick={() => setItem({ ownRooms: [...item.ownRooms, blankBreakout()] }, true)}>
            Add a room to this round
          </button>
        </>
      )}
      {item.roomsFrom !== 'reuse' && (
        <>
          {field(`agenda.${i}.select`, 'How people get their room', (p) => (
            <select {...p} value={item.select} onChange={(e) => setItem({ select: e.target.value as ItemDraft['select'] })}>
              <option value="assigned">Placed by their preferences</option>
              <option value="self">They pick during the item before (self-select)</option>
            </select>
          ))}
          <label className="check">
            <input type="checkbox" checked={item.askPreferences} onChange={(e) => setItem({ askPreferences: e.target.checked })} /> Registration asks for preferences for this round
          </label>
        </>
      )}
    </fieldset>
  );
}
