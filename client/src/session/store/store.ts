import { createStore } from 'zustand/vanilla';
import { initialLwState, type LwState } from './state.js';

/** The one client store. Components read it through hooks; the socket layer writes through actions.ts. */
export const lwStore = createStore<LwState>()(() => initialLwState());

/** Back to a fresh state (tests, and leaving a session). */
export function resetStore(): void {
  lwStore.setState(initialLwState(), true);
}
