import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStateStore } from '../../src/state/sqlite-state-store.js';
import { describeStateStoreContract } from './state-store.contract.js';

let dir: string | undefined;
const file = (): string => join(dir ?? '', 'nested', 'hubwatch.db');
describeStateStoreContract('sqlite', {
  open: () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-state-contract-'));
    return Promise.resolve(new SqliteStateStore(file()));
  },
  reopen: () => Promise.resolve(new SqliteStateStore(file())),
  cleanup: () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  },
});
