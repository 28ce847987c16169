-- Batches of 50 exposure and click events over 20 components, each batch with a new id.
local n = 0
local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("tid", counter)
end
local events = {}
for i = 1, 50 do
  local kind = (i % 10 == 0) and "click" or "exposure"
  events[#events + 1] = string.format('{"type":"%s","tracking":"p1:c%d","variant":"%s"}', kind, i % 20, (i % 2 == 0) and "a" or "b")
end
local list = table.concat(events, ",")
request = function()
  n = n + 1
  local body = string.format('{"batch":"bench-%d-%d-%d","page":"p1","version":1,"tier":"mid","events":[%s]}', tid, n, math.random(1, 1e9), list)
  return wrk.format("POST", path, {["Content-Type"] = "application/json"}, body)
end
