import type { CommandModule } from '../command.js';
import { Progress } from '../progress.js';

/** `hubwatch index migrate`: brings the index to the current schema version. */
export const indexMigrateCommand: CommandModule = {
  register(program, context) {
    const group = program.commands.find((c) => c.name() === 'index') ?? program.command('index').description('manage the search index');
    group
      .command('migrate')
      .description('bring the index to the current schema: SQLite migrates at open; Elasticsearch builds a new versioned index, copies, and swaps the alias with no downtime')
      .action(async () => {
        const { migrateIndex } = await import('../../app/index-service.js');
        const index = await context.openIndex();
        let progress: Progress | undefined;
        let phase = '';
        try {
          const result = await migrateIndex(index, {
            logger: await context.logger(),
            onProgress: (next, done, total) => {
              if (next !== phase) {
                progress?.finish();
                phase = next;
                progress = new Progress(next === 'copy' ? 'copying' : 'catching up', total, (text) => process.stderr.write(text), context.interactive);
              }
              progress?.tick(0, `${done}/${total}`);
            },
          });
          progress?.finish();
          if (result.engine === 'sqlite') context.out(`SQLite index up to date: schema version ${result.schemaVersion} (migrations run at open)`);
          else if (result.upToDate) context.out(`index up to date: ${result.alias} → ${result.to}`);
          else {
            context.out(`migrated ${result.alias}: ${result.from.join(', ')} → ${result.to} (${result.copied} documents copied)`);
            context.out(`the old index is kept; delete it when satisfied: DELETE /${result.from.join(',')}`);
          }
        } finally {
          await index.close();
        }
      });
  },
};
