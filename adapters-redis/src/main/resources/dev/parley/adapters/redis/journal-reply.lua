#!lua
-- Records one reply of an avatar: its newest reply (kept to a bound) and its last activity.
-- KEYS: the avatar's replies (LIST, newest first), every avatar's last activity (ZSET avatar -> epoch us)
-- ARGV: avatar, reply text, reply time (epoch us), replies kept, retention ms
redis.call('LPUSH', KEYS[1], ARGV[2])
redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[4]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[5])
redis.call('ZADD', KEYS[2], 'GT', ARGV[3], ARGV[1])
return 1
