-- One decision per request: POST /api/v1/decisions. The token comes from the environment (PB_TOKEN).
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("PB_TOKEN")
wrk.body = '{"originator":"KOR","level":"II","to":"USA","at":"2017-01-05","topics":["dprk-missile"]}'
