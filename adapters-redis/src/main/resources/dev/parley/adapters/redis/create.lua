#!lua
-- Stores a new live conversation unless the thread already has one. Without allow-oom: a Redis
-- over maxmemory refuses the whole script, however small the conversation.
-- KEYS: conv, msgs, ids, due
-- ARGV: thread, idle ms, grace ms, n, n hash field/value items, k, k message ids, encoded messages...
-- Returns 1 if created, 0 if a live conversation already exists.
if redis.call('EXISTS', KEYS[1]) == 1 then
  return 0
end
-- Leftovers of a conversation whose hash expired first must not leak into the new one.
redis.call('DEL', KEYS[2], KEYS[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local idle = tonumber(ARGV[2])
-- The keys' common end of life: grace after the idle deadline. Append extends it once less
-- than idle + grace would remain.
local expires = now + idle + tonumber(ARGV[3])

-- unpack() is limited by the Lua stack: push long lists in chunks.
local function push(command, key, from, to)
  for first = from, to, 1000 do
    redis.call(command, key, unpack(ARGV, first, math.min(first + 999, to)))
  end
end

local i = 5
local fields = tonumber(ARGV[4])
push('HSET', KEYS[1], i, i + fields - 1)
redis.call('HSET', KEYS[1], 'expires_at', expires)
i = i + fields
local ids = tonumber(ARGV[i])
i = i + 1
-- '-' is never a message id; it makes the set exist now, so it gets its TTL now.
redis.call('SADD', KEYS[3], '-')
push('SADD', KEYS[3], i, i + ids - 1)
i = i + ids
push('RPUSH', KEYS[2], i, #ARGV)

redis.call('ZADD', KEYS[4], now + idle, ARGV[1])
redis.call('PEXPIREAT', KEYS[1], expires)
redis.call('PEXPIREAT', KEYS[2], expires)
redis.call('PEXPIREAT', KEYS[3], expires)
return 1
