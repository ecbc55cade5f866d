#!lua flags=allow-oom
-- Ends an (avatar, channel) generation lease if the caller still holds it.
-- KEYS: the generation lease (STRING token)
-- ARGV: lease token
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
