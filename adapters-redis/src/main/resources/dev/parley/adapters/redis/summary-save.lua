#!lua
-- Stores an (avatar, channel) summary if the caller still holds the generation lease, and ends it.
-- KEYS: the summary (HASH text, at), the generation lease (STRING token, PX lease)
-- ARGV: lease token, text, created at (epoch us), retention ms
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return 0
end
redis.call('HSET', KEYS[1], 'text', ARGV[2], 'at', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
redis.call('DEL', KEYS[2])
return 1
