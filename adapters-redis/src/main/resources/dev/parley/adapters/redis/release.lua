#!lua flags=allow-oom
-- Gives back the cooldowns one admission took, in one atomic step: the Redis translation of
-- ReplyPolicy.release. A cooldown key is deleted only while it still holds the deadline that
-- admission set (admitted + cooldown, Redis TIME microseconds); a deadline a later admission set,
-- or one re-anchored after a clock step, stays. A cooldown of 0 set no key and is skipped.
-- KEYS: bot-reply cooldown (STRING), avatar cooldown (STRING)
-- ARGV: admitted at (us), avatar cooldown us, bot-reply cooldown us
-- Returns how many cooldowns were released (0 to 2).
local admitted = tonumber(ARGV[1])
local released = 0
local function release(key, cooldown)
  if cooldown <= 0 then
    return
  end
  local stored = redis.call('GET', key)
  if stored and tonumber(stored) == admitted + cooldown then
    redis.call('DEL', key)
    released = released + 1
  end
end
release(KEYS[2], tonumber(ARGV[2]))
release(KEYS[1], tonumber(ARGV[3]))
return released
