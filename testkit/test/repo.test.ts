import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { findLiveKitBinary, REPO_ROOT } from '../src/repo.js';

const PATH = process.env.PATH;
afterEach(() => {
  process.env.PATH = PATH;
});

describe('the repository layout', () => {
  test('REPO_ROOT is the root of the workspaces', () => {
    expect(JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'))).toMatchObject({ name: 'live-workshop', workspaces: expect.arrayContaining(['testkit']) });
  });

  test('a livekit-server on PATH comes before the project build', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lw-path-'));
    writeFileSync(join(dir, 'livekit-server'), '#!/bin/sh\n');
    chmodSync(join(dir, 'livekit-server'), 0o755);
    process.env.PATH = `${dir}${delimiter}${PATH}`;
    expect(findLiveKitBinary()).toBe(join(dir, 'livekit-server'));
  });
});
