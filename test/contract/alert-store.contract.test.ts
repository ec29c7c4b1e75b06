import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteAlertStore } from '../../src/state/sqlite-alert-store.js';
import { describeAlertStoreContract } from './alert-store.contract.js';

let dir: string | undefined;
const file = (): string => join(dir ?? '', 'nested', 'hubwatch.db');
describeAlertStoreContract('sqlite', {
  open: () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-alert-contract-'));
    return Promise.resolve(new SqliteAlertStore(file()));
  },
  reopen: () => Promise.resolve(new SqliteAlertStore(file())),
  cleanup: () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  },
});
