-- wrk script: each request goes to the next (path, session cookie) pair of the page
-- being measured, so the load comes from several signed-in people in several groups.
-- Prints one JSON line with throughput, errors and latency percentiles (microseconds).
local targets = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    local path, cookie = line:match("^(%S+)\t(.+)$")
    if path then
      targets[#targets + 1] = { path = path, cookie = cookie }
    end
  end
end

function request()
  counter = counter + 1
  local target = targets[(counter % #targets) + 1]
  -- The server sits behind a proxy in production, which says the request came by HTTPS.
  return wrk.format("GET", target.path, {
    ["Cookie"] = target.cookie,
    ["X-Forwarded-Proto"] = "https",
  })
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "non_2xx": %d, "socket_errors": %d, '
      .. '"p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, summary.duration, errors.status,
    errors.connect + errors.read + errors.write + errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)
  ))
end
