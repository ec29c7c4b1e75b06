/**
 * `npm run bench [-- --suite NAME] [suite options]`: runs the benchmark suites (all by default).
 * Each suite is bench/<name>.ts exporting `run(argv)`; it prints its own figures. The figures and
 * the commands that give them are kept in docs/benchmarks.md.
 */
const SUITES = ['connectors', 'enrich', 'index', 'pipeline', 'backfill', 'reports', 'alerts', 'startup', 'redis-state', 'distributed', 'api', 'web'] as const;

async function main(argv: string[]): Promise<void> {
  const at = argv.indexOf('--suite');
  const wanted = at >= 0 ? argv[at + 1] : undefined;
  const rest = at >= 0 ? [...argv.slice(0, at), ...argv.slice(at + 2)] : argv;
  // `--corpus N` is the index suite's: asking for it alone runs that suite.
  const suites = wanted ? [wanted] : rest.includes('--corpus') ? ['index'] : [...SUITES];
  for (const name of suites) {
    if (!(SUITES as readonly string[]).includes(name)) {
      console.error(`bench: unknown suite "${name}" (known: ${SUITES.join(', ')})`);
      process.exit(2);
    }
    console.log(`\n== ${name} ==`);
    const suite = (await import(`./${name}.ts`)) as { run(argv: string[]): Promise<void> };
    await suite.run(rest);
  }
}

await main(process.argv.slice(2));
