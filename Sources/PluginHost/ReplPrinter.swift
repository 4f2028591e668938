// How `dossier repl` shows a value: tables pretty-printed (keys sorted, nested to a limited depth, long
// ones cut with a count of what is left), objects by their `__tostring`, strings inside tables quoted.
// Written in Lua and run over the host's own globals, so it sees every metamethod as Lua would.

enum ReplPrinter {
    static let source = #"""
local maxDepth, maxItems, width = ...
local format, rep, concat, sort = string.format, string.rep, table.concat, table.sort
local type, tostring, pairs, getmetatable, math_type = type, tostring, pairs, getmetatable, math.type

local function keyLess(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta < tb end
  if ta == "number" or ta == "string" then return a < b end
  return tostring(a) < tostring(b)
end

local function hasToString(value)
  local ok, meta = pcall(getmetatable, value)
  return ok and type(meta) == "table" and meta.__tostring ~= nil
end

local function keyText(key)
  if type(key) == "string" and key:match("^[%a_][%w_]*$") then return key end
  if type(key) == "string" then return "[" .. format("%q", key) .. "]" end
  return "[" .. tostring(key) .. "]"
end

local show
local function showTable(t, depth, seen, indent)
  if seen[t] then return "<cycle>" end
  if depth >= maxDepth then return "{…}" end
  seen[t] = true
  local parts, count, n = {}, 0, #t
  for i = 1, n do
    count = count + 1
    if count <= maxItems then parts[#parts + 1] = show(t[i], depth + 1, seen, indent .. "  ") end
  end
  local keys = {}
  for key in pairs(t) do
    if not (math_type(key) == "integer" and key >= 1 and key <= n) then keys[#keys + 1] = key end
  end
  sort(keys, keyLess)
  for _, key in ipairs(keys) do
    count = count + 1
    if count <= maxItems then
      parts[#parts + 1] = keyText(key) .. " = " .. show(t[key], depth + 1, seen, indent .. "  ")
    end
  end
  seen[t] = nil
  if count > maxItems then parts[#parts + 1] = format("… (%d more)", count - maxItems) end
  if #parts == 0 then return "{}" end
  local line = "{ " .. concat(parts, ", ") .. " }"
  if #line + #indent <= width and not line:find("\n", 1, true) then return line end
  return "{\n" .. indent .. "  " .. concat(parts, ",\n" .. indent .. "  ") .. "\n" .. indent .. "}"
end

show = function(value, depth, seen, indent)
  local kind = type(value)
  if kind == "string" then return depth == 0 and value or format("%q", value):gsub("\\\n", "\\n") end
  if kind == "table" and not hasToString(value) then return showTable(value, depth, seen, indent) end
  return tostring(value)
end

return function(value) return show(value, 0, {}, "") end
"""#
}
