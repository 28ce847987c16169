-- One claim per request, each from a new shopper with its own Idempotency-Key, so neither the
-- per-shopper limit nor the one-coupon-per-shopper rule refuses it: what is measured is taking stock.
-- At the end it prints the answers by status (all threads), so the 201s can be set against the
-- stock the coupon lost (commerce.sh): equal when nothing timed out, never fewer taken than 201s.
local n = 0
local counter = 0
local threads = {}
-- Lua's random numbers start from the same seed in every wrk process, so shoppers and keys need a part
-- of their own per run: without it a second run repeats the first one's keys, and the server answers
-- them with the first answer (a replayed 201 that takes no stock) or 422 (the key named another coupon).
local run = tostring(os.time()) .. "-" .. tostring(math.floor(os.clock() * 1e6))
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
  thread:set("run", run)
  table.insert(threads, thread)
end
request = function()
  n = n + 1
  local user = "bench-" .. run .. "-" .. tid .. "-" .. n
  return wrk.format("POST", nil, {["X-Venuekit-User"] = user, ["Idempotency-Key"] = "k-" .. user})
end
statuses = {}
response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
done = function(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  local line = {}
  for status, count in pairs(total) do line[#line + 1] = status .. "=" .. count end
  table.sort(line)
  io.write("  answers: " .. table.concat(line, " ") .. "\n")
  io.write(string.format("  claimed: %d\n", total[201] or 0))
end
