#!lua flags=no-writes
-- Reads a live conversation in one consistent step.
-- KEYS: conv, msgs
-- Returns {} if there is none, else {hash as field/value list, history}.
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then
  return {}
end
return {meta, redis.call('LRANGE', KEYS[2], 0, -1)}
