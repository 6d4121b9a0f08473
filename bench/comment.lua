-- wrk script: POST comments as the post page's form sends them (no cookie, no token:
-- the browser says it is the site's own page), each with a new address and text
-- (so none is a duplicate), counting statuses per thread.
-- Environment: BENCH_PATH, BENCH_RUN.

local threads = {}
local next_id = 1

function setup(thread)
  thread:set("id", next_id)
  table.insert(threads, thread)
  next_id = next_id + 1
end

function init(args)
  sent, redirects, server_errors, others = 0, 0, 0, 0
  path = os.getenv("BENCH_PATH")
  headers = {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Sec-Fetch-Site"] = "same-origin",
  }
  template = "name=Bench+reader&email=bench-" .. os.getenv("BENCH_RUN") .. "-%d-%d%%40example.org"
    .. "&body=A+comment+sent+under+load%%2C+number+%d+of+thread+%d."
end

function request()
  sent = sent + 1
  return wrk.format("POST", path, headers, string.format(template, id, sent, sent, id))
end

function response(status, headers, body)
  if status == 302 then
    redirects = redirects + 1
  elseif status >= 500 then
    server_errors = server_errors + 1
  else
    others = others + 1
  end
end

function done(summary, latency, requests)
  local totals = {0, 0, 0}
  for _, thread in ipairs(threads) do
    totals[1] = totals[1] + thread:get("redirects")
    totals[2] = totals[2] + thread:get("server_errors")
    totals[3] = totals[3] + thread:get("others")
  end
  io.write(string.format("STATUSES redirects=%d server_errors=%d others=%d\n", totals[1], totals[2], totals[3]))
end
