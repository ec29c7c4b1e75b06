import type { ConfigSummary } from '../../app/config-check-service.js';
import { ConfigError } from '../../core/errors.js';
import type { CommandModule } from '../command.js';

const count = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function describeSummary(summary: ConfigSummary): string {
  return (
    `${count(summary.sources, 'source')}, ${count(summary.brands, 'brand')}, ${count(summary.people, 'person', 'people')}, ` +
    `${count(summary.topics, 'topic')}, ${count(summary.alertRules, 'alert rule')}, ` +
    `index: ${summary.index.kind === 'sqlite' ? `sqlite ${summary.index.path}` : 'elasticsearch'}, ` +
    `sentiment models: fr ${summary.sentimentModels.fr ? 'on' : 'off (rules only)'}, en ${summary.sentimentModels.en ? 'on' : 'off (rules only)'}`
  );
}

/** `hubwatch config check`: validates the configuration and lists every problem and warning at once. */
export const configCheckCommand: CommandModule = {
  register(program, context) {
    const config = program.commands.find((c) => c.name() === 'config') ?? program.command('config').description('configuration tools');
    config
      .command('check')
      .description('validate the configuration file (and the HUBWATCH_*, ELASTICSEARCH_URL, REDIS_URL variables) and list every problem with its path')
      .option('-c, --config <file>', 'configuration file to check')
      .option('--json', 'print the report as one JSON object (file, ok, problems (the first 50), moreProblems, warnings, summary, environment)')
      .action(async (options: { config?: string; json?: boolean }) => {
        if (options.config) program.setOptionValue('config', options.config);
        const { checkConfiguration } = await import('../../app/config-check-service.js');
        const report = checkConfiguration(context.configPath(), context.env);
        if (options.json) {
          context.out(JSON.stringify(report));
          if (!report.ok) process.exitCode = 2;
          return;
        }
        if (!report.summary) {
          for (const warning of report.warnings) context.err(`${report.file}: warning: ${warning}`);
          throw new ConfigError(report.file, report.problems, report.moreProblems);
        }
        context.out(`${report.file}: OK (${describeSummary(report.summary)})`);
        for (const { variable, setting } of report.environment) context.out(`  ${setting} from the environment (${variable})`);
        for (const warning of report.warnings) context.out(`  warning: ${warning}`);
      });
  },
};
