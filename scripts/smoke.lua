-- A smoke script for `make report`: exercises the sandboxed bridge end to end.
local decades = {}
for _, year in ipairs({1957, 1958, 1961, 1964, 2001, 2007, 2007, 2008, 2019, 2025}) do
  local decade = year - year % 10
  decades[decade] = (decades[decade] or 0) + 1
end
local keys = {}
for decade in pairs(decades) do keys[#keys + 1] = decade end
table.sort(keys)
for _, decade in ipairs(keys) do
  print(string.format("%ds %s", decade, string.rep("#", decades[decade])))
end
print(("sandbox ok: io is %s, string is read-only: %s"):format(tostring(io), tostring(not pcall(function() string.x = 1 end))))
