import { redisScript } from '../../platform/redis-script.js';

/*
 * The Lua side of RedisHostPoliteness. Every script reads the time from Redis (`TIME`), so processes
 * on machines whose clocks disagree still pace a host by one clock. Keys, per host:
 *   KEYS[1] slots   sorted set: lease token → the time (ms) its lease ends
 *   KEYS[2] next    the earliest time the next request may start (minDelay after the last start)
 *   KEYS[3] penalty the time a 429/503 penalty ends
 * Every key expires once it no longer matters, so idle hosts cost no memory.
 */
const NOW = `
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function int(x) return string.format('%.0f', x) end
-- The slots key lives as long as its longest lease.
local function keepSlots(key, t)
  local last = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
  if last[2] then redis.call('PEXPIRE', key, int(math.max(1, tonumber(last[2]) - t + 1000))) end
end
`;

/**
 * Takes a slot and reserves a start time: ARGV token, concurrency, minDelayMs, leaseMs. Returns
 * `{1, wait}` (slot held; start after `wait` ms, the lease already covering the wait) or `{0, retry}`
 * (every slot is held; the earliest lease ends in `retry` ms). Expired leases (a process that died
 * holding one) are dropped first.
 */
export const acquireScript = redisScript(`${NOW}
local t = now()
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', int(t))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then
  local first = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return {0, int(math.max(0, tonumber(first[2]) - t))}
end
local startAt = math.max(t, tonumber(redis.call('GET', KEYS[2]) or '0'), tonumber(redis.call('GET', KEYS[3]) or '0'))
local nextStart = startAt + tonumber(ARGV[3])
redis.call('SET', KEYS[2], int(nextStart), 'PX', int(nextStart - t + 1000))
redis.call('ZADD', KEYS[1], int(startAt + tonumber(ARGV[4])), ARGV[1])
keepSlots(KEYS[1], t)
return {1, int(startAt - t)}
`);

/** Extends a held lease to `leaseMs` from now (ARGV token, leaseMs); a lease already dropped stays dropped. */
export const renewScript = redisScript(`${NOW}
local t = now()
local ends = tonumber(redis.call('ZSCORE', KEYS[1], ARGV[1]) or '-1')
if ends < 0 then return 0 end
redis.call('ZADD', KEYS[1], int(math.max(ends, t + tonumber(ARGV[2]))), ARGV[1])
keepSlots(KEYS[1], t)
return 1
`);

/** Gives a slot back (ARGV token). */
export const releaseScript = redisScript(`
return redis.call('ZREM', KEYS[1], ARGV[1])
`);

/** Penalises a host (KEYS[1] penalty; ARGV ms): never shortens a penalty in force. */
export const penaliseScript = redisScript(`${NOW}
local t = now()
local ends = t + tonumber(ARGV[1])
if ends > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], int(ends), 'PX', ARGV[1])
end
return 1
`);

/** Milliseconds left of a host's penalty (KEYS[1] penalty), 0 when none. */
export const penaltyLeftScript = redisScript(`${NOW}
return int(math.max(0, tonumber(redis.call('GET', KEYS[1]) or '0') - now()))
`);
