// The operations commands' arguments (`npm run restore -- …`, `npm run check -- …`): `--name value`
// pairs and flags, with relative paths taken from where the technician ran npm (INIT_CWD).
import { resolve } from 'node:path';

/** The arguments after `npm run <command> --`. */
export function commandLine(argv: readonly string[] = process.argv.slice(2)) {
  const from = process.env.INIT_CWD ?? process.cwd();
  const valueOf = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    valueOf,
    has: (flag: string) => argv.includes(flag),
    /** A path the technician typed, made absolute from where they ran npm. */
    pathOf: (path: string) => resolve(from, path),
  };
}
