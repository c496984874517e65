// @live-workshop/testkit/mail: Mailpit (the local mail catcher behind `npm start`) and reading an
// inbox, without the rest of the testkit (browsers, LiveKit), for the development server.
export { DEV_MAIL_PORTS, mailpitReader, mailsTo, startDevMailpit, startMailpit, type RunningMailpit } from './mail/mailpit.js';
export { joinLinkOf, type Mail, type MailReader } from './mail/mailReader.js';
