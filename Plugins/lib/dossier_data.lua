-- dossier_data: a small toolkit for shaping rows before they go into a report, in pure Lua.
--
--   local data = require("dossier_data")
--
-- Rows are arrays of records (tables keyed by field name). A key is a field name or a function of the
-- record. Where a function takes "items", a query (`corpus.visits{...}`) works as well as an array.
-- Every function returns new tables and leaves its arguments as they were; an unknown option is an
-- error. The reference is in docs/lua-api.md ("The data toolkit").

local M = {}

-- A key function from a field name or a function.
local function keyer(key, what)
  if type(key) == "function" then return key end
  if type(key) == "string" or type(key) == "number" then
    return function(record) return record[key] end
  end
  error(("%s: the key must be a field name or a function, got %s"):format(what, type(key)), 3)
end

-- Refuses options the function does not know.
local function check_options(options, known, what)
  if options == nil then return {} end
  if type(options) ~= "table" then
    error(("%s: the options must be a table, got %s"):format(what, type(options)), 3)
  end
  for name in pairs(options) do
    if not known[name] then
      local names = {}
      for k in pairs(known) do names[#names + 1] = k end
      table.sort(names)
      error(("%s: unknown option '%s'; options: %s"):format(what, tostring(name), table.concat(names, ", ")), 3)
    end
  end
  return options
end

-- The items of an array or a query, as an array.
local function items_of(items, what)
  if type(items) == "table" then return items end
  if type(items) == "userdata" then
    local list = {}
    for item in items do list[#list + 1] = item end
    return list
  end
  error(("%s: expected an array or a query, got %s"):format(what, type(items)), 3)
end

-- A shallow copy of a record, so results never share rows with the arguments.
local function copy(record)
  local out = {}
  for field, value in pairs(record) do out[field] = value end
  return out
end

-- Keys in a stable order: numbers first by value, then the rest by their text.
local function key_less(a, b)
  local ta, tb = type(a) == "number", type(b) == "number"
  if ta ~= tb then return ta end
  if ta then return a < b end
  return tostring(a) < tostring(b)
end

--- Counts items by two keys at once.
-- Returns { rows = {row keys...}, columns = {column keys...}, counts = {[r] = {[c] = n}},
-- items = {[r] = {[c] = {items...}}} } with keys sorted (numbers first), so the items behind each cell
-- can become a report's evidence. Items whose row or column key is nil are left out.
function M.crosstab(items, row_key, column_key)
  local list = items_of(items, "crosstab")
  local row_of, column_of = keyer(row_key, "crosstab"), keyer(column_key, "crosstab")
  local counts, members, row_seen, column_seen = {}, {}, {}, {}
  for _, item in ipairs(list) do
    local r, c = row_of(item), column_of(item)
    if r ~= nil and c ~= nil then
      counts[r] = counts[r] or {}
      members[r] = members[r] or {}
      counts[r][c] = (counts[r][c] or 0) + 1
      members[r][c] = members[r][c] or {}
      table.insert(members[r][c], item)
      row_seen[r], column_seen[c] = true, true
    end
  end
  local rows, columns = {}, {}
  for r in pairs(row_seen) do rows[#rows + 1] = r end
  for c in pairs(column_seen) do columns[#columns + 1] = c end
  table.sort(rows, key_less)
  table.sort(columns, key_less)
  return { rows = rows, columns = columns, counts = counts, items = members }
end

--- Long rows to wide ones: one output row per value of `options.row`, one field per value of
-- `options.column`, holding `options.value` (summed when several rows share a cell; counted when
-- `value` is nil). Cells with no row get `options.fill` (nil by default).
-- Returns the wide rows (sorted by the row key) and the column values (sorted).
function M.pivot(rows, options)
  options = check_options(options, { row = true, column = true, value = true, fill = true }, "pivot")
  if options.row == nil or options.column == nil then error("pivot: 'row' and 'column' are required", 2) end
  local list = items_of(rows, "pivot")
  local row_of, column_of = keyer(options.row, "pivot"), keyer(options.column, "pivot")
  local value_of = options.value ~= nil and keyer(options.value, "pivot") or function() return 1 end
  local row_name = type(options.row) == "string" and options.row or "row"
  local cells, row_values, column_values, column_seen = {}, {}, {}, {}
  for _, record in ipairs(list) do
    local r, c = row_of(record), column_of(record)
    if r ~= nil and c ~= nil then
      if cells[r] == nil then
        cells[r] = {}
        row_values[#row_values + 1] = r
      end
      cells[r][c] = (cells[r][c] or 0) + (value_of(record) or 0)
      if not column_seen[c] then
        column_seen[c] = true
        column_values[#column_values + 1] = c
      end
    end
  end
  table.sort(row_values, key_less)
  table.sort(column_values, key_less)
  local wide = {}
  for _, r in ipairs(row_values) do
    local out = { [row_name] = r }
    for _, c in ipairs(column_values) do
      local value = cells[r][c]
      if value == nil then value = options.fill end
      out[c] = value
    end
    wide[#wide + 1] = out
  end
  return wide, column_values
end

--- The integers from `first` to `last` by `step` (1 by default): the categories to `complete`, such as
-- every decade `data.range(1950, 2020, 10)`.
function M.range(first, last, step)
  step = step or 1
  if step == 0 then error("range: the step cannot be 0", 2) end
  local out = {}
  for value = first, last, step do out[#out + 1] = value end
  return out
end

--- Fills missing categories. With a map (`{[1950] = 2, [1970] = 1}`), returns a map with every key of
-- `categories`, missing ones set to `fill` (0 by default). With rows, `options.key` names the category
-- field and the result has one row per category, in the order of `categories`: the existing row, or a
-- new one made of the key and the fields of `options.fill` (a table such as `{visits = 0}`).
function M.complete(values, categories, options)
  if type(categories) ~= "table" then error("complete: categories must be an array", 2) end
  if options ~= nil and type(options) ~= "table" then options = { fill = options } end
  options = check_options(options, { key = true, fill = true }, "complete")
  if options.key == nil then
    local fill = options.fill == nil and 0 or options.fill
    local out = copy(values)
    for _, category in ipairs(categories) do
      if out[category] == nil then out[category] = fill end
    end
    return out
  end
  local key_of = keyer(options.key, "complete")
  local by_key = {}
  for _, record in ipairs(items_of(values, "complete")) do
    local k = key_of(record)
    if k ~= nil and by_key[k] == nil then by_key[k] = record end
  end
  local out = {}
  for _, category in ipairs(categories) do
    local record = by_key[category]
    if record == nil then
      record = copy(options.fill or {})
      if type(options.key) == "string" then record[options.key] = category end
    end
    out[#out + 1] = record
  end
  return out
end

--- Each row with the value of `key` in the row `n` places before it (1 by default), under the field
-- `options.into` ("previous_" .. key by default; the first rows get nil). Rows are taken in the order
-- given: sort them first.
function M.lag(rows, key, options)
  options = check_options(options, { into = true, n = true }, "lag")
  local key_of = keyer(key, "lag")
  local into = options.into or ("previous_" .. tostring(key))
  local n = options.n or 1
  local list = items_of(rows, "lag")
  local out = {}
  for i, record in ipairs(list) do
    out[i] = copy(record)
    out[i][into] = i > n and key_of(list[i - n]) or nil
  end
  return out
end

--- Each row with the difference between its `key` and the previous row's, under `options.into`
-- (key .. "_change" by default; nil for the first row and where either value is missing): the gap in
-- years between visits sorted by year, say.
function M.differences(rows, key, options)
  options = check_options(options, { into = true }, "differences")
  local key_of = keyer(key, "differences")
  local into = options.into or (tostring(key) .. "_change")
  local list = items_of(rows, "differences")
  local out = {}
  for i, record in ipairs(list) do
    local previous = i > 1 and key_of(list[i - 1]) or nil
    local current = key_of(record)
    out[i] = copy(record)
    out[i][into] = (type(previous) == "number" and type(current) == "number") and current - previous or nil
  end
  return out
end

--- Joins two row lists on a key (a field name or function used on both sides, or `options.right_key`
-- for the right side). Each left row is merged with every right row of the same key; the left row's
-- fields win. `options.kind` is "inner" (default: left rows without a match are dropped) or "left"
-- (they are kept as they are).
function M.join(left, right, key, options)
  options = check_options(options, { kind = true, right_key = true }, "join")
  local kind = options.kind or "inner"
  if kind ~= "inner" and kind ~= "left" then
    error(("join: kind must be \"inner\" or \"left\", got %q"):format(tostring(kind)), 2)
  end
  local left_of = keyer(key, "join")
  local right_of = options.right_key ~= nil and keyer(options.right_key, "join") or left_of
  local index = {}
  for _, record in ipairs(items_of(right, "join")) do
    local k = right_of(record)
    if k ~= nil then
      index[k] = index[k] or {}
      table.insert(index[k], record)
    end
  end
  local out = {}
  for _, record in ipairs(items_of(left, "join")) do
    local matches = index[left_of(record)]
    if matches then
      for _, match in ipairs(matches) do
        local merged = copy(match)
        for field, value in pairs(record) do merged[field] = value end
        out[#out + 1] = merged
      end
    elseif kind == "left" then
      out[#out + 1] = copy(record)
    end
  end
  return out
end

--- The `n` largest. With a map of counts (`{VNM = 3, PRK = 5}`), returns `{ {key = "PRK", count = 5},
-- ... }`; with rows, the rows with the largest `options.by` (a field name or function). Ties keep keys
-- in order (numbers first), rows in their given order.
function M.top(values, n, options)
  options = check_options(options, { by = true }, "top")
  if type(n) ~= "number" or n < 0 then error("top: n must be a number of at least 0", 2) end
  local list, by
  if options.by == nil then
    list = {}
    for key, count in pairs(values) do list[#list + 1] = { key = key, count = count } end
    table.sort(list, function(a, b)
      if a.count ~= b.count then return a.count > b.count end
      return key_less(a.key, b.key)
    end)
  else
    by = keyer(options.by, "top")
    local source = items_of(values, "top")
    local order = {}
    for i, record in ipairs(source) do order[i] = { record = record, position = i, value = by(record) } end
    table.sort(order, function(a, b)
      if a.value ~= b.value then
        if a.value == nil then return false end
        if b.value == nil then return true end
        return a.value > b.value
      end
      return a.position < b.position
    end)
    list = {}
    for i, entry in ipairs(order) do list[i] = entry.record end
  end
  local out = {}
  for i = 1, math.min(n, #list) do out[i] = list[i] end
  return out
end

return M
