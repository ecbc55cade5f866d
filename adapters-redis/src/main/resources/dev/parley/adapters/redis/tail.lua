#!lua flags=no-writes
-- Reads a live conversation's metadata, its history's length and its last messages, in one
-- consistent step, never the rest of the history.
-- KEYS: conv, msgs
-- ARGV: how many of the last messages (0 or more)
-- Returns {} if there is none, else {hash as field/value list, history length, last messages oldest first}.
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then
  return {}
end
local length = redis.call('LLEN', KEYS[2])
local wanted = tonumber(ARGV[1])
local recent = {}
if wanted > 0 then
  recent = redis.call('LRANGE', KEYS[2], -wanted, -1)
end
return {meta, length, recent}
