#!lua
-- Replaces the summary of a live conversation; its deadline and TTLs stay as they are.
-- KEYS: conv
-- ARGV: summary
-- Returns 1 if replaced, 0 if there is no live conversation.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 0
end
redis.call('HSET', KEYS[1], 'summary', ARGV[1])
return 1
