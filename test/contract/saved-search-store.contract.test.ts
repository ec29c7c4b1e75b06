import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteSavedSearchStore } from '../../src/state/sqlite-saved-search-store.js';
import { describeSavedSearchStoreContract } from './saved-search-store.contract.js';

let dir: string | undefined;
const file = (): string => join(dir ?? '', 'nested', 'hubwatch.db');
describeSavedSearchStoreContract('sqlite', {
  open: () => {
    dir = mkdtempSync(join(tmpdir(), 'hubwatch-saved-contract-'));
    return Promise.resolve(new SqliteSavedSearchStore(file()));
  },
  reopen: () => Promise.resolve(new SqliteSavedSearchStore(file())),
  cleanup: () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return Promise.resolve();
  },
});
