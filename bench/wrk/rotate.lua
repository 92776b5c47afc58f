-- Replays the requests listed in $BENCH_REQUESTS (method, path, body; tab-separated), in
-- turn, with the benchmark user's session. Prints one JSON line that bench/run.py reads.
local cookie = os.getenv("BENCH_COOKIE") or ""
local csrf = os.getenv("BENCH_CSRF") or ""
local requests = {}
local position = 0

local function headers_for(method)
  -- Pages are full navigations; writes are htmx requests, as in the browser.
  local headers = { ["Cookie"] = cookie }
  if method == "POST" then
    headers["HX-Request"] = "true"
    headers["X-CSRFToken"] = csrf
    headers["Content-Type"] = "application/x-www-form-urlencoded"
  end
  return headers
end

function init(args)
  local file = assert(io.open(os.getenv("BENCH_REQUESTS"), "r"))
  for line in file:lines() do
    local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$")
    if method then
      if body == "" then body = nil end
      table.insert(requests, wrk.format(method, path, headers_for(method), body))
    end
  end
  file:close()
  -- Threads start at different places in the list.
  position = (tonumber(tostring({}):match("0x(%x+)"), 16) or 0) % #requests
end

function request()
  position = position % #requests + 1
  return requests[position]
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "status_errors": %d, '
    .. '"socket_errors": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, '
    .. '"max_us": %d, "mean_us": %.1f}\n',
    summary.requests, summary.duration, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.max, latency.mean))
end
