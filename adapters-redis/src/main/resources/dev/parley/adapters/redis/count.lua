-- Counts live conversations. Live keys expire between grace and twice grace after their
-- deadline, so a deadline within the last grace is surely live, one older than twice grace is
-- surely gone (no sweeper ran for that long), and those in between are checked one by one.
-- KEYS: due
-- ARGV: key base ('<prefix>:{<shard>}:'), grace ms
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local grace = tonumber(ARGV[2])
local live = redis.call('ZCOUNT', KEYS[1], '(' .. (now - grace), '+inf')
local doubtful = redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. (now - 2 * grace), now - grace)
for _, thread in ipairs(doubtful) do
  live = live + redis.call('EXISTS', ARGV[1] .. 'conv:' .. thread)
end
return live
