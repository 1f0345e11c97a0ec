-- wrk script for the cache-miss run: request k of thread t goes to member (t + k*threads)
-- (cookie session=bench<i>, cycling through USERS) and page (the same index, cycling through
-- the paths in PATHS_FILE), so consecutive requests never share a member or a page.
-- Env: USERS, PATHS_FILE, THREADS, COOKIE ("0" for none: the nginx peer, whose paths are
-- its files).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local users = tonumber(os.getenv("USERS"))
local threads = tonumber(os.getenv("THREADS"))
local with_cookie = os.getenv("COOKIE") ~= "0"
local counter = 1
function setup(thread)
  thread:set("tid", counter - 1)
  counter = counter + 1
end
local k = 0
function request()
  local i = tid + k * threads
  k = k + 1
  local headers = {}
  if with_cookie then headers["Cookie"] = "__Host-hs_session=bench" .. (i % users + 1) end
  return wrk.format("GET", paths[i % #paths + 1], headers)
end
