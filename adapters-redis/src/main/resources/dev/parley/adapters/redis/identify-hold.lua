#!lua
-- Holds a Discord identify bucket for a ticket, in one atomic step (IdentifyPacing.hold).
-- KEYS: the bucket (STRING: the holding ticket, expiring when the hold ends)
-- ARGV: ticket, hold ms
-- Returns 0 when the ticket holds the bucket now, else the milliseconds left on another ticket's hold (>= 1).
local holder = redis.call('GET', KEYS[1])
if holder == false or holder == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 0
end
local left = redis.call('PTTL', KEYS[1])
if left < 1 then
  left = 1
end
return left
