#!lua flags=allow-oom
-- Ends a claim: its conversation was archived or discarded. Repeating it changes nothing.
-- allow-oom: it frees memory.
-- KEYS: archq, sealed, sealed-msgs, claims
-- ARGV: claim id
-- Returns 1 if the claim was pending, 0 if it was already acknowledged.
-- The sealed keys go only with a pending claim: an id that is not one (a stale id) must never
-- delete the data of a claim still waiting to be archived.
local pending = redis.call('ZREM', KEYS[1], ARGV[1])
if pending == 1 then
  redis.call('DEL', KEYS[2], KEYS[3])
  redis.call('HDEL', KEYS[4], ARGV[1])
end
return pending
