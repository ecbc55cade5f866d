#!lua flags=allow-oom
-- Decides one reply request in one atomic step: the Redis translation of ReplyPolicy.decide, in its
-- order: responder cap, then the time cooldowns (keeping a place for a paced responder), then admission.
-- A cooldown of 0 is off: admission sets no key for it (SET ... PX 0 is an error in Redis).
-- KEYS: bot-reply cooldown (STRING), avatar cooldown (STRING), trigger responders (SET)
-- ARGV: avatar, override '1' or '0', avatar cooldown us, bot-reply cooldown us,
--       max responders, max wait us, trigger memory ms
-- A cooldown key holds its deadline in Redis TIME microseconds and expires just after it: the
-- stored deadline, not the key's TTL, decides, so lazy or sampled expiry never shortens a wait.
-- Returns one integer, the cheapest reply for Redis to build and Lettuce to read: now (us, > 0)
-- when admitted; else -(retry us * 4 + code), code 1 avatar_cooldown, 2 bot_reply_cooldown,
-- 3 responders_full (retry 0).
local avatar = ARGV[1]
-- A deadline further ahead than its cooldown can only come from Redis's clock stepping back:
-- the wait is capped at the cooldown and the deadline re-anchored there, so no wait runs for hours.
local function capped(key, wait, cooldown, now)
  if wait <= cooldown then
    return wait
  end
  redis.call('SET', key, string.format('%d', now + cooldown), 'PX', math.max(1, math.ceil(cooldown / 1000)))
  return cooldown
end
-- At most max responders (2 by default): reading the whole set is one command for both checks.
local responders = redis.call('SMEMBERS', KEYS[3])
local member = false
for i = 1, #responders do
  if responders[i] == avatar then
    member = true
    break
  end
end
if not member and #responders >= tonumber(ARGV[5]) then
  return -3
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if ARGV[2] ~= '1' then
  local deadlines = redis.call('MGET', KEYS[1], KEYS[2])
  local channelWait = deadlines[1] and (tonumber(deadlines[1]) - now) or 0
  local avatarWait = deadlines[2] and (tonumber(deadlines[2]) - now) or 0
  channelWait = capped(KEYS[1], channelWait, tonumber(ARGV[4]), now)
  avatarWait = capped(KEYS[2], avatarWait, tonumber(ARGV[3]), now)
  if avatarWait > 0 or channelWait > 0 then
    local retry = math.max(avatarWait, channelWait)
    local code = avatarWait > 0 and 1 or 2
    if not member and retry <= tonumber(ARGV[6]) then
      -- A paced responder keeps its place for this trigger; denials start no cooldown.
      redis.call('SADD', KEYS[3], avatar)
      redis.call('PEXPIRE', KEYS[3], ARGV[7])
    end
    return -(retry * 4 + code)
  end
end

local avatarCooldown = tonumber(ARGV[3])
local botCooldown = tonumber(ARGV[4])
if botCooldown > 0 then
  redis.call('SET', KEYS[1], string.format('%d', now + botCooldown), 'PX', math.ceil(botCooldown / 1000))
end
if avatarCooldown > 0 then
  redis.call('SET', KEYS[2], string.format('%d', now + avatarCooldown), 'PX', math.ceil(avatarCooldown / 1000))
end
redis.call('SADD', KEYS[3], avatar)
redis.call('PEXPIRE', KEYS[3], ARGV[7])
return now
