-- wrk script: POSTs the GraphQL request body in $BENCH_BODY_FILE and counts answers with GraphQL errors
-- (they come back as HTTP 200) or another status than 200. With $BENCH_UNIQUE set, every request replaces the
-- marker @@N@@ in the body with "$BENCH_UNIQUE-<thread>-<counter>", e.g. for unique titles of created topics. With
-- $BENCH_VALUES_FILE set, every request replaces the marker @@V@@ with the file's next line (one value per line).
-- done() prints one line: BENCH_RESULT {json}.

local file = assert(io.open(os.getenv("BENCH_BODY_FILE"), "rb"))
local body = file:read("*a")
file:close()
local unique = os.getenv("BENCH_UNIQUE")
local values = {}
if os.getenv("BENCH_VALUES_FILE") then
  for line in io.lines(os.getenv("BENCH_VALUES_FILE")) do
    table.insert(values, line)
  end
end

wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Accept"] = "application/json"
-- writes need a bearer token: the bench mints one ($BENCH_AUTHORIZATION = "Bearer ...")
if os.getenv("BENCH_AUTHORIZATION") then
  wrk.headers["Authorization"] = os.getenv("BENCH_AUTHORIZATION")
end

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_index", #threads)
end

failed = 0
counter = 0

if unique or #values > 0 then
  function request()
    counter = counter + 1
    local this = body
    if unique then
      this = this:gsub("@@N@@", unique .. "-" .. thread_index .. "-" .. counter)
    end
    if #values > 0 then
      this = this:gsub("@@V@@", values[(counter - 1) % #values + 1])
    end
    return wrk.format(nil, nil, nil, this)
  end
end

function response(status, headers, response_body)
  if status ~= 200 or response_body:find('"errors"', 1, true) then
    failed = failed + 1
  end
end

function done(summary, latency, requests)
  local graphql_errors = 0
  for _, thread in ipairs(threads) do
    graphql_errors = graphql_errors + thread:get("failed")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationMicros":%d,"failedAnswers":%d,"socketErrors":%d,' ..
    '"p50Micros":%d,"p90Micros":%d,"p99Micros":%d,"maxMicros":%d,"meanMicros":%.1f}\n',
    summary.requests, summary.duration, graphql_errors, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
end
