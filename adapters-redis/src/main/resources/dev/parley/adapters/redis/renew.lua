#!lua flags=allow-oom
-- Extends a claim's lease, only for the holder it was last handed to and only while it is
-- pending: a holder whose lease ended and whose claim went to another cannot take it back.
-- Renewing also says the holder could read the conversation, so its hand-out count restarts.
-- KEYS: archq, claims
-- ARGV: claim id, holder, lease ms
-- Returns 1 if renewed, 0 if the claim is no longer this holder's (acknowledged, or handed to another).
local state = redis.call('HGET', KEYS[2], ARGV[1])
if not state or string.match(state, '^%d+:(.*)$') ~= ARGV[2] or not redis.call('ZSCORE', KEYS[1], ARGV[1]) then
  return 0
end
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[3]), ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], '0:' .. ARGV[2])
return 1
