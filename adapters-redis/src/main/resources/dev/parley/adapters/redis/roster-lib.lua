-- Shared by activate.lua and active.lua (LuaScript puts this text after each one's #!lua line:
-- Redis scripts cannot include one another).
-- The active avatars of a roster, most recently active first, at most cap of them (a roster
-- built under a higher cap may hold more until its next activation trims it), each as avatar,
-- activated us, last activity us. roster: ZSET avatar -> last activity us; presences: HASH
-- avatar -> 'activated:last:deactivated'.
local function activeAvatars(roster, presences, cap)
  local active = {}
  local members = redis.call('ZRANGE', roster, 0, cap - 1, 'REV', 'WITHSCORES')
  local ids = {}
  for i = 1, #members, 2 do
    table.insert(ids, members[i])
  end
  local found = #ids > 0 and redis.call('HMGET', presences, unpack(ids)) or {}
  for i = 1, #ids do
    local last = string.format('%d', tonumber(members[2 * i]))
    table.insert(active, ids[i])
    table.insert(active, found[i] and string.match(found[i], '^(%d+):') or last)
    table.insert(active, last)
  end
  return active
end

