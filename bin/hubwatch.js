#!/usr/bin/env node
// Entry point: runs the compiled CLI (npm install builds it through the "prepare" script).
import('../dist/cli/main.js').catch((error) => {
  console.error(`hubwatch: cannot start (${error?.message ?? error}); run "npm install" (or "npm run build") first`);
  process.exit(1);
});
