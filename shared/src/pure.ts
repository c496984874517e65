/**
 * The browser's entry of @live-workshop/shared: every value of the modules that build no zod schema
 * (pure.test.ts proves it), so a page that imports from here never loads zod. Types come from the
 * main entry (`import type … from '@live-workshop/shared'`), which costs nothing at run time.
 */
export * from './rooms.js';
export * from './preJoin.js';
export * from './moves/arrivals.js';
export * from './limits.js';
export * from './presenting/presenting.js';
export * from './time/zonedTime.js';
export * from './time/zonedFormat.js';
export * from './event/eventTiming.js';
export * from './event/rehearsal.js';
export * from './engine/state.js';
export * from './engine/rounds.js';
export * from './engine/roundPicks.js';
export * from './protocol/result.js';
export * from './protocol/version.js';
export * from './protocol/events.js';
export * from './protocol/http/index.js';
export * from './registration/registrationRules.js';
export * from './people/personName.js';
export * from './liveSegment/questions.js';
export * from './protocol/liveSegmentEvents.js';
export * from './liveSegment/polls.js';
export * from './liveSegment/reactions.js';
export * from './event/eventStaff.js';
export * from './liveSegment/captions.js';
export * from './i18n/languages.js';
export * from './i18n/localizeEvent.js';
export * from './i18n/message.js';
export * from './notes/roomNotes.js';
export * from './protocol/roomNotesEvents.js';
export * from './event/eventLifecycle.js';
