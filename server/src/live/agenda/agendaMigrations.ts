// Versions of the saved agenda state (the core row and the participant rows). A release that
// changes their shape bumps AGENDA_SCHEMA_VERSION and adds the step from the version before;
// boot runs the steps a saved state is missing. A state saved by a newer release is refused.

/** The saved agenda as stored: the core (everything but participants) and one record per participant. */
export interface SavedAgenda {
  readonly core: Record<string, unknown>;
  readonly participants: readonly Record<string, unknown>[];
}

/** The version this release writes. Version 0 is the format from before versions were written. */
export const AGENDA_SCHEMA_VERSION = 1;

/** Step n turns a version-n state into a version-(n+1) one. */
const STEPS: Readonly<Record<number, (saved: SavedAgenda) => SavedAgenda>> = {
  // 0 → 1: the same shape; from now on the version is written beside it.
  0: (saved) => saved,
};

/** Bring a saved state to this release's version, or say why it cannot be read. */
export function migrateAgenda(version: number, saved: SavedAgenda): { ok: true; saved: SavedAgenda } | { ok: false; problem: string } {
  if (!Number.isInteger(version) || version < 0) return { ok: false, problem: `its schema version (${String(version)}) is not one this server knows` };
  if (version > AGENDA_SCHEMA_VERSION) {
    return { ok: false, problem: `it was written by a newer release (schema version ${version}; this server reads up to ${AGENDA_SCHEMA_VERSION})` };
  }
  let current = saved;
  for (let v = version; v < AGENDA_SCHEMA_VERSION; v++) {
    const stepTo = STEPS[v];
    if (!stepTo) return { ok: false, problem: `no migration from schema version ${v}` };
    current = stepTo(current);
  }
  return { ok: true, saved: current };
}
