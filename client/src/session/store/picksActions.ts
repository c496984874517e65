/** Store actions of self-select rounds (the pick board); the socket layer calls them. */
import type { PickBoard } from '@live-workshop/shared';
import { lwStore } from './store.js';

/** The live counts of the round open for picking; a board sent to us alone also says what we picked. */
export function applyPickBoard(board: PickBoard): void {
  lwStore.setState((s) => {
    const sameRound = s.picks.board?.roundKey === board.roundKey;
    const yours = board.yours !== undefined ? board.yours : sameRound ? s.picks.yours : null;
    return { picks: { board, yours } };
  });
}

/** Our own pick was accepted: show it at once (and count it, until the next board arrives). */
export function pickAccepted(roomId: string): void {
  lwStore.setState((s) => {
    const board = s.picks.board;
    if (!board) return { picks: { board, yours: roomId } };
    const rooms = board.rooms.map((r) => ({
      ...r,
      picked: r.picked + (r.id === roomId && s.picks.yours !== roomId ? 1 : 0) - (r.id === s.picks.yours && s.picks.yours !== roomId ? 1 : 0),
    }));
    return { picks: { board: { ...board, rooms }, yours: roomId } };
  });
}
