-- A batch per request: POST /api/v1/decisions with {"requests": [...]} read from PB_BATCH_FILE.
-- Each response holds as many decisions as the file holds requests (PB_BATCH_SIZE, for the summary).
local file = io.open(os.getenv("PB_BATCH_FILE"), "r")
local body = file:read("*a")
file:close()
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PB_TOKEN")
wrk.body = body

done = function(summary, latency, requests)
  local size = tonumber(os.getenv("PB_BATCH_SIZE"))
  local seconds = summary.duration / 1e6
  io.write(string.format("batches: %d, non-2xx: %d, decisions/s: %.0f\n", summary.requests,
    (summary.errors.status or 0), summary.requests * size / seconds))
end
