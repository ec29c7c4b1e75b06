import { HostLimiter } from '../../src/connectors/http/host-limiter.js';
import { describeHostPolitenessContract } from './host-politeness.contract.js';

describeHostPolitenessContract('in-process', {
  open: ({ concurrency, minDelayMs }) => Promise.resolve(new HostLimiter(concurrency, minDelayMs)),
});
