-- wrk script: participants as the server issues them. A request joins (POST
-- /api/v1/participants) when no joined participant has answers left to give; otherwise it
-- POSTs one of that participant's answers (one per question of digital-id.yaml's opening
-- round, as a phone would: 1 join for 6 answers). Every acknowledged (201) answer is written
-- to ack-<thread>.txt as "token question" so the store can be checked afterwards. Joins are
-- counted apart from answers.
-- Environment: CODE (join code), ACKDIR (folder for the ack files).
local threads = {}
local id = 0
local questions = {"stakeholder", "necessity", "not-legal-identity", "open-source-trust", "routes", "one-word"}

function setup(thread)
  id = id + 1
  thread:set("tid", id)
  table.insert(threads, thread)
end

function init(args)
  local dir = os.getenv("ACKDIR") or "."
  ack = io.open(dir .. "/ack-" .. tid .. ".txt", "w")
  created, other, joined = 0, 0, 0
  code = os.getenv("CODE")
  ready = {}      -- joined participants with answers left: {token, next question index}
end

local answers = {
  stakeholder = '"Civil society"', necessity = '"Agree"', ["not-legal-identity"] = '4', ["open-source-trust"] = '"Somewhat"',
  routes = '"Open-source systems>Strategic litigation>Mapping national legislation>Multilateral engagement>Documenting harms with communities"',
  ["one-word"] = '["trust", "power"]',
}

function request()
  local p = ready[#ready]
  if p == nil then
    return wrk.format("POST", "/api/v1/participants", {["Content-Type"] = "application/json"}, '{"code":"' .. code .. '"}')
  end
  local q = questions[p.next]
  p.next = p.next + 1
  if p.next > #questions then table.remove(ready) end
  local body = '{"code":"' .. code .. '","participant":"' .. p.token .. '","question":"' .. q .. '","answer":' .. answers[q] .. '}'
  return wrk.format("POST", "/api/v1/answers", {["Content-Type"] = "application/json"}, body)
end

-- Responses of a thread's connections come back in any order: what a reply answers is read
-- from its body (a recorded answer names its question; a join does not).
function response(status, headers, body)
  if status ~= 201 then
    other = other + 1
    return
  end
  local token = string.match(body, '"participant":"([^"]+)"')
  local question = string.match(body, '"question":"([^"]+)"')
  if question then
    created = created + 1
    ack:write(token, " ", question, "\n")
  elseif token then
    joined = joined + 1
    table.insert(ready, {token = token, next = 1})
  end
end

function done(summary, latency, requests)
  local c, o, j = 0, 0, 0
  for _, thread in ipairs(threads) do
    c = c + thread:get("created")
    o = o + thread:get("other")
    j = j + thread:get("joined")
  end
  io.write(string.format("acknowledged %d, refused %d, joined %d\n", c, o, j))
end
