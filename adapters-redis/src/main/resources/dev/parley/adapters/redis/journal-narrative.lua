#!lua
-- Keeps one narrative as the avatar's newest, dropping the oldest beyond the bound.
-- KEYS: the avatar's narratives (LIST of "<epoch us>|<text>", newest first)
-- ARGV: encoded narrative, narratives kept, retention ms
redis.call('LPUSH', KEYS[1], ARGV[1])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 1
