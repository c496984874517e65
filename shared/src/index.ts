/**
 * @live-workshop/shared: the domain, the agenda engine, time, and the wire protocol (Socket.IO in
 * protocol/, HTTP in protocol/http/), no I/O. Two entries: this one (everything, zod schemas
 * included) and `@live-workshop/shared/pure` (pure.ts: the values of the modules that build no
 * schema, for the browser).
 */
export * from './domain.js';
export * from './rooms.js';
export * from './preJoin.js';
export * from './moves/arrivals.js';
export * from './event/eventConfig.js';
export * from './engine/actions.js';
export * from './engine/actionLog.js';
export * from './engine/state.js';
export * from './engine/effects.js';
export * from './engine/refusal.js';
export * from './engine/placement.js';
export * from './engine/rounds.js';
export * from './engine/roundPicks.js';
export * from './engine/deadlines.js';
export * from './engine/step.js';
export * from './protocol/result.js';
export * from './protocol/version.js';
export * from './protocol/payloads.js';
export * from './protocol/views.js';
export * from './protocol/events.js';
export * from './engine/preview.js';
export * from './time/zonedTime.js';
export * from './time/zonedFormat.js';
export * from './event/eventTiming.js';
export * from './event/rehearsal.js';
export * from './people/personName.js';
export * from './protocol/http/index.js';
export * from './protocol/http/schemas.js';
export * from './registration/registrationRules.js';
export * from './registration/registrationSchema.js';
export * from './limits.js';
export * from './presenting/presenting.js';
export * from './presenting/presentingPayloads.js';
export * from './liveSegment/questions.js';
export * from './protocol/liveSegmentEvents.js';
export * from './protocol/liveSegmentPayloads.js';
export * from './event/liveSegmentConfig.js';
export * from './liveSegment/polls.js';
export * from './liveSegment/reactions.js';
export * from './event/eventStaff.js';
export * from './liveSegment/captions.js';
export * from './i18n/languages.js';
export * from './i18n/localizeEvent.js';
export * from './i18n/message.js';
export * from './notes/roomNotes.js';
export * from './protocol/roomNotesEvents.js';
export * from './protocol/roomNotesPayloads.js';
export * from './event/eventLifecycle.js';
export * from './facilitation/muteRule.js';
