#!lua flags=no-writes
-- One page of a sealed history: entries from a position on, as many as fit a byte budget (at
-- least one), so a long history is fetched in bounded replies instead of one huge one.
-- KEYS: sealed-msgs
-- ARGV: first index (0-based), max entries, max bytes
-- Returns the entries, in order; fewer than asked only at the end of the list or of the budget.
local from = tonumber(ARGV[1])
local max = tonumber(ARGV[2])
local budget = tonumber(ARGV[3])
local out = {}
local bytes = 0
local chunk = 64
while #out < max do
  local first = from + #out
  local items = redis.call('LRANGE', KEYS[1], first, first + math.min(chunk, max - #out) - 1)
  for _, item in ipairs(items) do
    if #out > 0 and bytes + #item > budget then
      return out
    end
    out[#out + 1] = item
    bytes = bytes + #item
  end
  if #items < chunk then
    return out
  end
end
return out
