#!lua
-- Makes an avatar active in a channel and rotates out the stalest others beyond the cap, in one
-- atomic step, reporting each rotation once: to this caller. Without allow-oom: a full Redis
-- refuses it (a roster lives for weeks).
-- KEYS: roster (ZSET avatar -> last activity us), presences (HASH avatar -> 'activated:last:deactivated'),
--       and, for a request with an id, its result (STRING)
-- ARGV: avatar, cap, channel key ttl ms, result memory ms
-- A request with an id answers what its first run answered for as long as the result is
-- remembered: a retry after a lost reply sees the rotation that run made, and changes nothing.
-- The step's time is Redis TIME in microseconds, raised above the roster's latest activity when
-- needed, so activity times are distinct and ordered as the steps (the avatar being activated is
-- always the most recent, never the stalest, and a server clock stepping back moves nothing back).
-- Returns {newly 1/0, {avatar, activated, last, ...} by recency, {avatar, activated, last, deactivated, ...}}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if KEYS[3] then
  -- {forget at us, result}: the stored time decides, as for cooldowns; the TTL only reclaims memory.
  local earlier = redis.call('GET', KEYS[3])
  if earlier then
    local remembered = cjson.decode(earlier)
    if now < tonumber(remembered[1]) then
      return remembered[2]
    end
  end
end
local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
if latest[2] and tonumber(latest[2]) >= now then
  now = tonumber(latest[2]) + 1
end
local at = string.format('%d', now)
local avatar = ARGV[1]
local cap = tonumber(ARGV[2])

local newly = 0
local activated = at
if redis.call('ZSCORE', KEYS[1], avatar) then
  local presence = redis.call('HGET', KEYS[2], avatar)
  if presence then
    activated = string.match(presence, '^(%d+):')
  end
else
  newly = 1
end
redis.call('ZADD', KEYS[1], at, avatar)
redis.call('HSET', KEYS[2], avatar, activated .. ':' .. at .. ':')

-- Beyond the cap: the stalest others go, the avatar being activated never. Usually only a newly
-- active avatar brings the roster over the cap; after the cap was lowered any activation trims.
local deactivated = {}
local excess = redis.call('ZCARD', KEYS[1]) - cap
if excess > 0 then
  local stalest = redis.call('ZRANGE', KEYS[1], 0, excess, 'WITHSCORES')
  for i = 1, #stalest, 2 do
    if excess == 0 then
      break
    end
    local other = stalest[i]
    if other ~= avatar then
      local last = string.format('%d', tonumber(stalest[i + 1]))
      local presence = redis.call('HGET', KEYS[2], other)
      local otherActivated = presence and string.match(presence, '^(%d+):') or last
      redis.call('ZREM', KEYS[1], other)
      redis.call('HSET', KEYS[2], other, otherActivated .. ':' .. last .. ':' .. at)
      table.insert(deactivated, other)
      table.insert(deactivated, otherActivated)
      table.insert(deactivated, last)
      table.insert(deactivated, at)
      excess = excess - 1
    end
  end
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
redis.call('PEXPIRE', KEYS[2], ARGV[3])

local result = {newly, activeAvatars(KEYS[1], KEYS[2], cap), deactivated}
if KEYS[3] then
  redis.call('SET', KEYS[3], cjson.encode({string.format('%d', now + tonumber(ARGV[4]) * 1000), result}), 'PX', ARGV[4])
end
return result
