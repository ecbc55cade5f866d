-- Drops a live conversation without archiving it.
-- KEYS: conv, msgs, ids, due
-- ARGV: thread
-- Returns 1 if there was a live conversation, 0 otherwise.
local existed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1])
return existed
