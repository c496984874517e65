// An event file read for a test or the benchmark: parsed and validated by shared's schema, as the
// server does (the server's own loader also points invalid files' problems at their lines).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { eventConfigSchema, type EventConfig } from '@live-workshop/shared';

/** Read and validate an event file (YAML or JSON). */
export function readEventFile(path: string): EventConfig {
  return eventConfigSchema.parse(parse(readFileSync(path, 'utf8')));
}
