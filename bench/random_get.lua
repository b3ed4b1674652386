-- wrk script: GET a random work order of the org (ids BENCH_MIN_ID..BENCH_MAX_ID).
local min_id = tonumber(os.getenv("BENCH_MIN_ID"))
local max_id = tonumber(os.getenv("BENCH_MAX_ID"))
request = function()
  return wrk.format("GET", "/api/v1/work-orders/" .. math.random(min_id, max_id))
end
