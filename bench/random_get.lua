-- wrk script: GET a random id BENCH_MIN_ID..BENCH_MAX_ID under BENCH_PATH
-- (default "/api/v1/work-orders/": a work order of the caller's org).
local min_id = tonumber(os.getenv("BENCH_MIN_ID"))
local max_id = tonumber(os.getenv("BENCH_MAX_ID"))
local path = os.getenv("BENCH_PATH") or "/api/v1/work-orders/"
request = function()
  return wrk.format("GET", path .. math.random(min_id, max_id))
end
