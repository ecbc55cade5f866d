#!lua flags=no-writes
-- Counts a shard's live conversations, as far as the deadline set alone can tell. Live keys
-- expire grace to twice grace after their deadline, so a deadline within the last grace is
-- surely live and one older than twice grace surely gone (no sweeper ran for that long); the
-- threads in between are returned for the caller to check with EXISTS (their keys are not
-- declared here, so they are not read here).
-- KEYS: due
-- ARGV: grace ms
-- Returns {surely live, thread, thread, ...}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local grace = tonumber(ARGV[1])
local out = {redis.call('ZCOUNT', KEYS[1], '(' .. (now - grace), '+inf')}
for _, thread in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - 2 * grace), now - grace)) do
  out[#out + 1] = thread
end
return out
