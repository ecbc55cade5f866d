#!lua
-- Appends one message to a live conversation: O(1) in the history's length. Without allow-oom:
-- a Redis over maxmemory refuses it before it runs.
-- KEYS: conv, msgs, ids, due
-- ARGV: thread, idle ms, grace ms, message id or '', requester or '', encoded message, message time us,
--       message weight (UTF-8 bytes of its text), max messages, max bytes, then the ids of the posts a
--       reply became (a platform message with one of them is this reply: a replay, like its own id)
-- Returns 1 appended, 2 duplicate (only the deadline moved), 0 no live conversation,
-- 3 at the message limit, 4 over the byte limit (nothing changed, not even the deadline):
-- ConversationLimits.refusal, translated.
local participant = ARGV[5] ~= '' and ('p:' .. ARGV[5]) or 'expires_at'
local meta = redis.call('HMGET', KEYS[1], 'expires_at', participant, 'last_at', 'bytes')
if not meta[1] then
  return 0
end

local outcome = 2
if ARGV[4] == '' or redis.call('SISMEMBER', KEYS[3], ARGV[4]) == 0 then
  -- 'bytes' is absent on a conversation stored before the byte limit: counted from there on.
  local bytes = tonumber(meta[4]) or 0
  local weight = tonumber(ARGV[8])
  if redis.call('LLEN', KEYS[2]) >= tonumber(ARGV[9]) then
    return 3
  end
  if bytes + weight > tonumber(ARGV[10]) then
    return 4
  end
  outcome = 1
  if ARGV[4] ~= '' then
    redis.call('SADD', KEYS[3], ARGV[4])
  end
  if #ARGV > 10 then
    redis.call('SADD', KEYS[3], unpack(ARGV, 11))
  end
  if redis.call('RPUSH', KEYS[2], ARGV[6]) == 1 then
    -- The first message created the list: give it the conversation's end of life.
    redis.call('PEXPIREAT', KEYS[2], tonumber(meta[1]))
  end
  -- last_at: the latest message time (us), so a listing needs no history to tell updated_at.
  local fields = {'bytes', bytes + weight}
  if not meta[3] or tonumber(ARGV[7]) > tonumber(meta[3]) then
    fields[#fields + 1] = 'last_at'
    fields[#fields + 1] = ARGV[7]
  end
  if ARGV[5] ~= '' and not meta[2] then
    -- Fields are never deleted, so HLEN grows with every new field: a first-seen order.
    -- Counted before this HSET adds 'bytes' (a field too): a first 'bytes' only shifts later ordinals.
    fields[#fields + 1] = participant
    fields[#fields + 1] = redis.call('HLEN', KEYS[1])
  end
  redis.call('HSET', KEYS[1], unpack(fields))
end

local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local idle = tonumber(ARGV[2])
local grace = tonumber(ARGV[3])
local expires = tonumber(meta[1])
redis.call('ZADD', KEYS[4], now + idle, ARGV[1])
-- Keys always outlive the deadline by at least grace; extending them only when that margin
-- would shrink below grace (about once per grace period) saves three commands per append.
if expires < now + idle + grace then
  expires = now + idle + 2 * grace
  redis.call('HSET', KEYS[1], 'expires_at', expires)
  redis.call('PEXPIREAT', KEYS[1], expires)
  redis.call('PEXPIREAT', KEYS[2], expires)
  redis.call('PEXPIREAT', KEYS[3], expires)
end
return outcome
