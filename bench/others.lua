-- wrk script: read the posts listed in BENCH_PATHS_FILE (one path a line) in turn, each
-- thread from its own place in the list, asking for gzip; count the front cache's answers
-- by its X-Cache header (hit, "hit, stale", miss, pass) for the hit ratio.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("offset", #threads * 97)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("BENCH_PATHS_FILE")) do
    table.insert(paths, line)
  end
  position = offset
  hits, misses, others = 0, 0, 0
  headers = {["Accept-Encoding"] = "gzip"}
end

function request()
  position = position + 1
  return wrk.format("GET", paths[position % #paths + 1], headers)
end

function response(status, headers, body)
  local cache = headers["X-Cache"] or headers["x-cache"] or ""
  if status ~= 200 then
    others = others + 1
  elseif cache:sub(1, 3) == "hit" then
    hits = hits + 1
  else
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  local totals = {0, 0, 0}
  for _, thread in ipairs(threads) do
    totals[1] = totals[1] + thread:get("hits")
    totals[2] = totals[2] + thread:get("misses")
    totals[3] = totals[3] + thread:get("others")
  end
  io.write(string.format("CACHE hits=%d misses=%d others=%d\n", totals[1], totals[2], totals[3]))
end
