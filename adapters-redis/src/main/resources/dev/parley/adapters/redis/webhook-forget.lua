#!lua flags=allow-oom
-- Forgets a channel's webhook only if it is still the given one (ChannelWebhooks.forget).
-- KEYS: the channel's webhook (STRING "<webhook id>:<token>")
-- ARGV: webhook id
-- Returns 1 when it was forgotten, 0 when another webhook (or none) is recorded.
local current = redis.call('GET', KEYS[1])
if current and string.sub(current, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. ':' then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0
