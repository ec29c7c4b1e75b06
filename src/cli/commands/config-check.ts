import { ENVIRONMENT_TARGETS, readEnvironment } from '../../config/environment.js';
import type { CommandModule } from '../command.js';

/** `hubwatch config check`: validates the configuration and lists every problem at once. */
export const configCheckCommand: CommandModule = {
  register(program, context) {
    const config = program.commands.find((c) => c.name() === 'config') ?? program.command('config').description('configuration tools');
    config
      .command('check')
      .description('validate the configuration file (and the HUBWATCH_*, ELASTICSEARCH_URL, REDIS_URL variables) and list every problem with its path')
      .option('-c, --config <file>', 'configuration file to check')
      .action((options: { config?: string }) => {
        if (options.config) program.setOptionValue('config', options.config);
        const settings = context.config();
        const count = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
        context.out(
          `${context.configPath()}: OK (${count(settings.sources.length, 'source')}, ${count(settings.watchlist.brands.length, 'brand')}, ` +
            `${count(settings.watchlist.people.length, 'person').replace('persons', 'people')}, ${count(settings.watchlist.topics.length, 'topic')}, ` +
            `${count(settings.alerts.length, 'alert rule')}, index: ${settings.index.elasticsearch ? 'elasticsearch' : `sqlite ${settings.index.sqlite.path}`}, ` +
            `sentiment models: fr ${settings.enrich.frenchModel ? 'on' : 'off (rules only)'}, en ${settings.enrich.englishModel ? 'on' : 'off (rules only)'})`,
        );
        // Which settings the environment overrides (names only: values may be secrets).
        const { values } = readEnvironment(context.env);
        for (const [name, target] of Object.entries(ENVIRONMENT_TARGETS)) {
          if (values[name as keyof typeof values] !== undefined) context.out(`  ${target} from the environment (${name})`);
        }
      });
  },
};
