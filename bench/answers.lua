-- wrk script: POST /api/v1/answers with a new participant token per request, and write every
-- acknowledged (201) participant to ack-<thread>.txt so the store can be checked afterwards.
-- Environment: CODE (join code), ACKDIR (folder for the ack files).
local counter = 0
local threads = {}
local id = 0

function setup(thread)
  id = id + 1
  thread:set("tid", id)
  table.insert(threads, thread)
end

function init(args)
  local dir = os.getenv("ACKDIR") or "."
  ack = io.open(dir .. "/ack-" .. tid .. ".txt", "w")
  created = 0
  other = 0
  code = os.getenv("CODE")
end

function request()
  counter = counter + 1
  local token = string.format("bench-%s-t%02d-%010d", os.getenv("RUN") or "x", tid, counter)
  local body = '{"code":"' .. code .. '","participant":"' .. token .. '","question":"necessity","answer":"Agree"}'
  return wrk.format("POST", "/api/v1/answers", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
    local token = string.match(body, '"participant":"([^"]+)"')
    if token then ack:write(token, "\n") end
  else
    other = other + 1
  end
end

function done(summary, latency, requests)
  local c, o = 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    o = o + thread:get("other")
  end
  io.write(string.format("acknowledged %d, refused %d\n", c, o))
end
