#!lua flags=no-writes
-- Lists a channel's active avatars, most recently active first, with their presences.
-- KEYS: roster (ZSET avatar -> last activity us), presences (HASH avatar -> 'activated:last:deactivated')
-- ARGV: cap
-- Returns {avatar, activated us, last activity us, ...}, at most cap avatars.
return activeAvatars(KEYS[1], KEYS[2], tonumber(ARGV[1]))
