#!lua
-- Takes one call from the shared model-call budget if any is left in the current window, in one
-- atomic step. A window opens with the first call after the previous one closed.
-- KEYS: budget (HASH: d = window end in Redis TIME microseconds, n = calls taken in it)
-- ARGV: calls per window, window us
-- The stored end, not the key's TTL, decides (as with the gate's cooldowns); the TTL only lets a
-- budget nobody uses any more disappear.
-- Returns {1, remaining, resets in us} granted, or {0, 0, resets in us} exhausted.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local state = redis.call('HMGET', KEYS[1], 'd', 'n')
local window_end = tonumber(state[1])
local taken = tonumber(state[2]) or 0
if not window_end or window_end <= now then
  window_end = now + tonumber(ARGV[2])
  taken = 0
end
local calls = tonumber(ARGV[1])
if taken >= calls then
  return {0, 0, window_end - now}
end
taken = taken + 1
redis.call('HSET', KEYS[1], 'd', string.format('%d', window_end), 'n', taken)
redis.call('PEXPIRE', KEYS[1], math.ceil((window_end - now) / 1000) + 1000)
return {1, calls - taken, window_end - now}
