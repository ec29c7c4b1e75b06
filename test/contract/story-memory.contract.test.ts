import { createInProcessStoryMemory } from '../../src/enrich/in-process-story-memory.js';
import { describeStoryMemoryContract } from './story-memory.contract.js';

describeStoryMemoryContract('in-process', {
  open: (options) => Promise.resolve(createInProcessStoryMemory(options)),
});
