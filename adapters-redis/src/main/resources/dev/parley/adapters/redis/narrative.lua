#!lua flags=allow-oom
-- Takes the global narrative slot if its cooldown is not running, in one atomic step: the Redis
-- translation of ReplyPolicy.takeNarrativeSlot. A cooldown of 0 is off: nothing is set.
-- KEYS: narrative cooldown (STRING: deadline in Redis TIME microseconds, expiring just after it)
-- ARGV: narrative cooldown us
-- Returns {1, now us} taken, or {0, retry us}.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local deadline = redis.call('GET', KEYS[1])
local cooldown = tonumber(ARGV[1])
if deadline and tonumber(deadline) - now > cooldown then
  -- A deadline more than a cooldown ahead means Redis's clock stepped back: wait one cooldown at most.
  deadline = now + cooldown
  redis.call('SET', KEYS[1], string.format('%d', deadline), 'PX', math.max(1, math.ceil(cooldown / 1000)))
end
if deadline and tonumber(deadline) > now then
  return {0, tonumber(deadline) - now}
end
if cooldown > 0 then
  redis.call('SET', KEYS[1], string.format('%d', now + cooldown), 'PX', math.ceil(cooldown / 1000))
end
return {1, now}
