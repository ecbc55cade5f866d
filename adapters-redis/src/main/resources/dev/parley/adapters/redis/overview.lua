#!lua flags=no-writes
-- Reads a live conversation's metadata and the length of its history, never the history.
-- KEYS: conv, msgs
-- Returns {} if there is none, else {hash as field/value list, history length}.
local meta = redis.call('HGETALL', KEYS[1])
if #meta == 0 then
  return {}
end
return {meta, redis.call('LLEN', KEYS[2])}
