-- Lists a channel's active avatars, most recently active first, with their presences.
-- KEYS: roster (ZSET avatar -> last activity us), presences (HASH avatar -> 'activated:last:deactivated')
-- Returns {avatar, activated us, last activity us, ...}.
return activeAvatars(KEYS[1], KEYS[2])
