-- Hands out idle conversations under a lease: first sealed ones whose lease has ended (their
-- claimer died), then live ones whose idle deadline has passed, which are sealed here.
-- Sealing renames the live keys to keys named by the claim, so the thread can start a new
-- conversation at once, and records the claim in archq with its lease end.
-- KEYS: due, archq, seq
-- ARGV: key base ('<prefix>:{<shard>}:'), shard, max, lease ms, sealed ttl ms
-- Returns {lost, claim id, hash, history, claim id, hash, history, ...}; lost counts entries whose
-- keys had already expired (no sweeper ran for the whole grace period).
local base = ARGV[1]
local shard = ARGV[2]
local max = tonumber(ARGV[3])
local lease = tonumber(ARGV[4])
local ttl = ARGV[5]
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {0}
local handed = 0

local function hand_out(claim, sealed, sealedMsgs)
  redis.call('ZADD', KEYS[2], now + lease, claim)
  redis.call('PEXPIRE', sealed, ttl)
  redis.call('PEXPIRE', sealedMsgs, ttl)
  out[#out + 1] = claim
  out[#out + 1] = redis.call('HGETALL', sealed)
  out[#out + 1] = redis.call('LRANGE', sealedMsgs, 0, -1)
  handed = handed + 1
end

local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, max)
for _, claim in ipairs(expired) do
  local suffix = string.sub(claim, #shard + 2)
  local sealed = base .. 'sealed:' .. suffix
  if redis.call('EXISTS', sealed) == 1 then
    hand_out(claim, sealed, base .. 'sealed-msgs:' .. suffix)
  else
    redis.call('ZREM', KEYS[2], claim)
    out[1] = out[1] + 1
  end
end

if handed < max then
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max - handed)
  for _, thread in ipairs(due) do
    redis.call('ZREM', KEYS[1], thread)
    local conv = base .. 'conv:' .. thread
    local msgs = base .. 'msgs:' .. thread
    redis.call('DEL', base .. 'ids:' .. thread)
    if redis.call('EXISTS', conv) == 1 then
      local suffix = thread .. ':' .. redis.call('INCR', KEYS[3])
      local sealed = base .. 'sealed:' .. suffix
      local sealedMsgs = base .. 'sealed-msgs:' .. suffix
      redis.call('RENAME', conv, sealed)
      if redis.call('EXISTS', msgs) == 1 then
        redis.call('RENAME', msgs, sealedMsgs)
      end
      hand_out(shard .. ':' .. suffix, sealed, sealedMsgs)
    else
      redis.call('DEL', msgs)
      out[1] = out[1] + 1
    end
  end
end
return out
