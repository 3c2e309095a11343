-- wrk script for bench/load.py: rotate over the paths in a file, one a line.
--
-- Usage: wrk -s bench/load.lua URL -- PATHS_FILE
-- Each request comes from its own reader address (X-Real-IP, trusted from
-- loopback as behind the shipped nginx), so the per-reader rate limits of
-- search do not turn a crowd into one over-eager client. wrk itself counts
-- the answers that are not 2xx or 3xx.

local paths = {}
local count = 0
local thread_number = 0

function setup(thread)
   thread_number = thread_number + 1
   thread:set("number", thread_number)
end

function init(args)
   for line in io.lines(args[1]) do
      if line ~= "" then
         paths[#paths + 1] = line
      end
   end
   -- Threads start at different places in the list.
   count = (number or 0) * 7
end

function request()
   count = count + 1
   local path = paths[(count % #paths) + 1]
   local reader = string.format(
      "10.%d.%d.%d", number or 0, math.floor(count / 256) % 256, count % 256
   )
   return wrk.format("GET", path, { ["X-Real-IP"] = reader })
end
