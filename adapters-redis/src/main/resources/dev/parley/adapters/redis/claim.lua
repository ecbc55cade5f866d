#!lua flags=allow-oom
-- Hands out idle conversations under a lease: first sealed ones whose lease has ended (their
-- claimer died or could not decode them), then live ones whose idle deadline has passed, which
-- are sealed here: their live keys are renamed to keys named by the claim, so the thread can
-- start a new conversation at once. allow-oom: archiving is how a full Redis frees memory.
-- Every candidate is checked again here (due.lua only proposed it), so racing claimers take
-- each once. A claim handed out more than max hand-outs times without its holder confirming it
-- (renew.lua: it decoded the conversation) is moved to the dead-letter set instead, its keys
-- kept without expiry for an operator. Given a created-at (claimNow: rolling a full conversation
-- over), each given thread is sealed whatever its deadline if its live conversation was created
-- then, so a late caller never takes the conversation another one has just started.
-- KEYS: due, archq, claims, dead, then per re-handed claim: sealed, sealed-msgs,
--       then per due thread: conv, msgs, ids, new sealed, new sealed-msgs
-- ARGV: lease ms, sealed ttl ms, max hand-outs, holder, created-at ('' for idle claims), r, r claim ids,
--       d, d (thread, new claim id) pairs
-- Returns {lost, {dead-lettered claim id, ...}, claim id, hash, history length, hand-outs, ...};
-- lost counts candidates whose keys had already expired (no sweeper ran within their TTL).
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = tonumber(ARGV[1])
local ttl = ARGV[2]
local maxHandOuts = tonumber(ARGV[3])
local holder = ARGV[4]
local createdAt = ARGV[5]
local out = {0, {}}

local function hand_out(claim, sealed, sealedMsgs, handOuts)
  redis.call('ZADD', KEYS[2], now + lease, claim)
  redis.call('HSET', KEYS[3], claim, handOuts .. ':' .. holder)
  redis.call('PEXPIRE', sealed, ttl)
  redis.call('PEXPIRE', sealedMsgs, ttl)
  out[#out + 1] = claim
  out[#out + 1] = redis.call('HGETALL', sealed)
  out[#out + 1] = redis.call('LLEN', sealedMsgs)
  out[#out + 1] = handOuts
end

local k = 5
local rehanded = tonumber(ARGV[6])
for i = 1, rehanded do
  local claim = ARGV[6 + i]
  local sealed, sealedMsgs = KEYS[k], KEYS[k + 1]
  k = k + 2
  local lease_end = redis.call('ZSCORE', KEYS[2], claim)
  if lease_end and tonumber(lease_end) <= now then
    if redis.call('EXISTS', sealed) == 1 then
      local state = redis.call('HGET', KEYS[3], claim)
      local handOuts = (state and tonumber(string.match(state, '^(%d+):')) or 0) + 1
      if handOuts > maxHandOuts then
        redis.call('ZREM', KEYS[2], claim)
        redis.call('HDEL', KEYS[3], claim)
        redis.call('ZADD', KEYS[4], now, claim)
        redis.call('PERSIST', sealed)
        redis.call('PERSIST', sealedMsgs)
        table.insert(out[2], claim)
      else
        hand_out(claim, sealed, sealedMsgs, handOuts)
      end
    else
      redis.call('ZREM', KEYS[2], claim)
      redis.call('HDEL', KEYS[3], claim)
      out[1] = out[1] + 1
    end
  end
end

local at = 7 + rehanded
local threads = tonumber(ARGV[at])
for i = 1, threads do
  local thread, claim = ARGV[at + 2 * i - 1], ARGV[at + 2 * i]
  local conv, msgs, ids, sealed, sealedMsgs = KEYS[k], KEYS[k + 1], KEYS[k + 2], KEYS[k + 3], KEYS[k + 4]
  k = k + 5
  local deadline = redis.call('ZSCORE', KEYS[1], thread)
  local take
  if createdAt == '' then
    take = deadline and tonumber(deadline) <= now
  else
    take = deadline and redis.call('HGET', conv, 'created_at') == createdAt
  end
  -- A claim id the caller drew that is already taken (never seen, but cheap to rule out) waits for the next claim.
  if take and redis.call('EXISTS', sealed) == 0 then
    redis.call('ZREM', KEYS[1], thread)
    redis.call('DEL', ids)
    if redis.call('EXISTS', conv) == 1 then
      redis.call('RENAME', conv, sealed)
      if redis.call('EXISTS', msgs) == 1 then
        redis.call('RENAME', msgs, sealedMsgs)
      end
      hand_out(claim, sealed, sealedMsgs, 1)
    else
      redis.call('DEL', msgs)
      out[1] = out[1] + 1
    end
  end
end
return out
