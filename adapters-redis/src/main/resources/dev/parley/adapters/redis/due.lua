#!lua flags=no-writes
-- The first step of a claim: which claims' leases have ended and which conversations' idle
-- deadlines have passed, by Redis's clock. It only reads; claim.lua, given the keys of these
-- candidates, checks each again and takes it atomically.
-- KEYS: due, archq
-- ARGV: max
-- Returns {{claim id, ...}, {thread, ...}}, each at most max, earliest first.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local max = tonumber(ARGV[1])
return {redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now, 'LIMIT', 0, max),
        redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, max)}
