-- Paces each connection so that wrk offers about RATE requests per second in all (RATE and CONNS
-- from the environment, as given to wrk's -c): a connection waits CONNS*1000/RATE ms before each
-- request. wrk times a request from its send, not from the pause, and prints the rate it reached:
-- report that rate with the latencies, never the RATE asked for.
local rate = tonumber(os.getenv("RATE") or "5000")
local conns = tonumber(os.getenv("CONNS") or "50")
local pause = math.floor(conns * 1000 / rate)

function delay()
  return pause
end
