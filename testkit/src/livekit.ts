// The testkit's LiveKit process manager alone (no browser, no Socket.IO client): the entry
// `npm start`'s local LiveKit imports (server/src/devtools/devLiveKit.ts).
export * from './livekitServer.js';
export { isTcpPortFree } from './freePort.js';
