import { writeCodeCaches } from './vendor-bundle.js';

// Preloaded by the build only (`node --import` this module `bin/hubwatch.js ...`, see
// scripts/build-vendor.ts): when the command exits, writes the code cache of every vendored bundle
// it loaded, with what V8 compiled of it during the command.
process.on('exit', () => writeCodeCaches());
