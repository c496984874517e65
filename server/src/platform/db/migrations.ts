// The SQLite schema as numbered steps. Add a step at the end; never edit one that has shipped.
/** The data file's schema, one step per release that changed it; `user_version` counts the steps applied. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE participants (id TEXT PRIMARY KEY, record TEXT NOT NULL);
   CREATE TABLE people (
     id TEXT PRIMARY KEY,
     role TEXT NOT NULL,
     name TEXT NOT NULL,
     email TEXT UNIQUE,
     organisation TEXT,
     details TEXT NOT NULL DEFAULT '{}',
     credential_generation INTEGER NOT NULL DEFAULT 1,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE commands (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     actor TEXT NOT NULL,
     action TEXT NOT NULL,
     version_after INTEGER NOT NULL
   );
   CREATE TABLE chat (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room_id TEXT NOT NULL,
     from_id TEXT NOT NULL,
     from_name TEXT NOT NULL,
     from_role TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX chat_room ON chat(room_id, id);`,
  // Around the live event: attendance as it happened, the agenda's timeline, certificates and their signing key.
  `CREATE TABLE attendance_events (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     participant_id TEXT NOT NULL,
     source TEXT NOT NULL CHECK (source IN ('media', 'signal')),
     kind TEXT NOT NULL CHECK (kind IN ('joined', 'left')),
     room_id TEXT,
     phase TEXT NOT NULL,
     item_index INTEGER,
     at INTEGER NOT NULL
   );
   CREATE INDEX attendance_by_participant ON attendance_events(participant_id, id);
   CREATE TABLE agenda_timeline (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     phase TEXT NOT NULL,
     item_index INTEGER,
     at INTEGER NOT NULL
   );
   CREATE TABLE signing_keys (
     kid TEXT PRIMARY KEY,
     public_jwk TEXT NOT NULL,
     private_jwk TEXT NOT NULL,
     created_at INTEGER NOT NULL
   );
   CREATE TABLE certificates (
     id TEXT PRIMARY KEY,
     participant_id TEXT,
     jws TEXT,
     issued_at INTEGER NOT NULL,
     revoked_at INTEGER,
     revocation_reason TEXT
   );
   CREATE UNIQUE INDEX certificates_by_participant ON certificates(participant_id) WHERE participant_id IS NOT NULL AND revoked_at IS NULL;`,
  // Join links go only by mail: an address counts once its link is used; a removal sticks.
  // People stored before this registered under the old rules and count as confirmed.
  `ALTER TABLE people ADD COLUMN confirmed_at INTEGER;
   ALTER TABLE people ADD COLUMN removed_at INTEGER;
   UPDATE people SET confirmed_at = created_at;`,
  // A registration cap: registrations beyond it wait, in order, for a place (null: holds a place).
  `ALTER TABLE people ADD COLUMN waitlisted_at INTEGER;`,
  // Speakers presenting: uploaded slide decks (the PDF itself, so backups and restores carry it).
  `CREATE TABLE slide_decks (
     id TEXT PRIMARY KEY,
     name TEXT NOT NULL,
     pages INTEGER NOT NULL,
     pdf BLOB NOT NULL,
     uploaded_by TEXT NOT NULL,
     uploaded_at INTEGER NOT NULL
   );`,
  // The live segment: questions from the audience with their votes, polls with their votes, caption lines.
  `CREATE TABLE questions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     author_id TEXT NOT NULL,
     author_name TEXT NOT NULL,
     anonymous INTEGER NOT NULL,
     text TEXT NOT NULL,
     asked_at INTEGER NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('pending', 'approved', 'hidden', 'merged')),
     answered_at INTEGER,
     merged_into INTEGER
   );
   CREATE INDEX questions_by_author ON questions(author_id);
   CREATE TABLE question_votes (
     question_id INTEGER NOT NULL,
     voter_id TEXT NOT NULL,
     PRIMARY KEY (question_id, voter_id)
   ) WITHOUT ROWID;
   CREATE INDEX question_votes_by_voter ON question_votes(voter_id);
   CREATE TABLE polls (
     id TEXT PRIMARY KEY,
     record TEXT NOT NULL
   );
   CREATE TABLE poll_votes (
     poll_id TEXT NOT NULL,
     voter_id TEXT NOT NULL,
     answer TEXT NOT NULL,
     at INTEGER NOT NULL,
     PRIMARY KEY (poll_id, voter_id)
   ) WITHOUT ROWID;
   CREATE INDEX poll_votes_by_voter ON poll_votes(voter_id);
   CREATE TABLE captions (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     room_id TEXT NOT NULL,
     item_index INTEGER,
     author_id TEXT NOT NULL,
     source TEXT NOT NULL,
     text TEXT NOT NULL,
     at INTEGER NOT NULL
   );
   CREATE INDEX captions_by_room ON captions(room_id, item_index, id);`,
  // The language a person registered in: their mails and calendar file come in it (NULL: English).
  `ALTER TABLE people ADD COLUMN language TEXT;`,
  // Moderators' action log (live/agenda/actionLog.ts): who cued or changed what, by person id.
  `CREATE TABLE action_log (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     entry TEXT NOT NULL
   );`,
  // Facilitators' room notes (live/notes/): one row per breakout room, replaced on each save.
  `CREATE TABLE room_notes (
     breakout_id TEXT PRIMARY KEY,
     text TEXT NOT NULL,
     updated_at INTEGER NOT NULL,
     updated_by_id TEXT NOT NULL,
     updated_by_name TEXT NOT NULL
   ) WITHOUT ROWID;`,
];
