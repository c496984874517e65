import { useMemo } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { EventConfig, Phase, RoomId } from '@live-workshop/shared';
import { localizeEvent } from '@live-workshop/shared/pure';
import { eventOf } from './store/actions.js';
import { useLanguage } from '../i18n/useT.js';
import type { LwState, Me } from './store/state.js';
import { lwStore } from './store/store.js';

/** Select a narrow piece of the store; re-renders only when it changes. */
export function useLw<T>(selector: (s: LwState) => T): T {
  return useStore(lwStore, selector);
}

/** Select several fields at once, compared shallowly. */
export function useLwShallow<T extends object>(selector: (s: LwState) => T): T {
  return useStore(lwStore, useShallow(selector));
}

/** The event config from the welcome in the reader's language (its own texts, where the event file gives them), or null before it. */
export const useEvent = (): EventConfig | null => {
  const event = useLw(eventOf);
  const language = useLanguage();
  return useMemo(() => (event ? localizeEvent(event, language) : null), [event, language]);
};

/** Who we are, or null before the welcome. */
export const useMe = (): Me | null =>
  useLw((s) => (s.session.status === 'connected' || s.session.status === 'reconnecting' ? s.session.me : null));

/** The current phase, or null before the first snapshot. */
export const usePhase = (): Phase | null => useLw((s) => s.agenda.snapshot?.phase ?? null);

/** The room the server puts us in (a visit counts), whether or not media has connected yet. */
export const useAssignedRoom = (): RoomId | null => useLw((s) => (s.assignment.visit ?? s.assignment.current)?.roomId ?? null);
