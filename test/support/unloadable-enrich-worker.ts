/** An enrichment thread that cannot load (as one missing its models would): the pool's start-up test. */
throw new Error('the language table is unreadable');
