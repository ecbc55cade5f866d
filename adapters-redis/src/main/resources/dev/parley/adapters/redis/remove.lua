#!lua flags=allow-oom
-- Drops a live conversation without archiving it. allow-oom: it frees memory, so it must run
-- when Redis is full.
-- KEYS: conv, msgs, ids, due
-- ARGV: thread
-- Returns 1 if there was a live conversation, 0 otherwise.
local existed = redis.call('DEL', KEYS[1])
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[4], ARGV[1])
return existed
