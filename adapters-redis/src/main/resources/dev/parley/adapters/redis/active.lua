-- Lists a channel's active avatars, most recently active first, with their presences.
-- KEYS: roster (ZSET avatar -> last activity us), presences (HASH avatar -> 'activated:last:deactivated')
-- Returns {avatar, activated us, last activity us, ...}.
local active = {}
local members = redis.call('ZRANGE', KEYS[1], 0, -1, 'REV', 'WITHSCORES')
local ids = {}
for i = 1, #members, 2 do
  table.insert(ids, members[i])
end
local presences = #ids > 0 and redis.call('HMGET', KEYS[2], unpack(ids)) or {}
for i = 1, #ids do
  local last = string.format('%d', tonumber(members[2 * i]))
  table.insert(active, ids[i])
  table.insert(active, presences[i] and string.match(presences[i], '^(%d+):') or last)
  table.insert(active, last)
end
return active
