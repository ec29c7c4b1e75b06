import type { CommandModule } from '../command.js';
import { alertsCommand } from './alerts.js';
import { analyzeCommand } from './analyze.js';
import { configCheckCommand } from './config-check.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { jobsCommand } from './jobs.js';
import { indexMigrateCommand } from './index-migrate.js';
import { reportCommand } from './report.js';
import { statsCommand } from './stats.js';
import { runCommand } from './run.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { sourcesListCommand } from './sources-list.js';
import { sourcesTestCommand } from './sources-test.js';
import { workerCommand } from './worker.js';

/** Every subcommand, in the order --help lists them. */
export const COMMANDS: CommandModule[] = [
  runCommand,
  serveCommand,
  workerCommand,
  jobsCommand,
  searchCommand,
  statsCommand,
  reportCommand,
  analyzeCommand,
  importCommand,
  exportCommand,
  alertsCommand,
  indexMigrateCommand,
  sourcesListCommand,
  sourcesTestCommand,
  configCheckCommand,
];
