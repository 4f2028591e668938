-- Tests of dossier_data, run by the Swift test suite (ScriptingAPITests, "Lua library tests") in the
-- sandbox, with the bundled corpus as `corpus`. Each function is one test; a failed assert fails it.

local data = require("dossier_data")

local function same(a, b, path)
  path = path or "value"
  if type(a) ~= type(b) then error(("%s: %s ~= %s"):format(path, tostring(a), tostring(b)), 0) end
  if type(a) ~= "table" then
    if a ~= b then error(("%s: %s ~= %s"):format(path, tostring(a), tostring(b)), 0) end
    return
  end
  for k, v in pairs(a) do same(v, b[k], path .. "." .. tostring(k)) end
  for k in pairs(b) do
    if a[k] == nil then error(("%s.%s: missing"):format(path, tostring(k)), 0) end
  end
end

local function fails(f, needle)
  local ok, message = pcall(f)
  assert(not ok, "expected an error")
  assert(tostring(message):find(needle, 1, true), tostring(message))
end

local visits = {
  { who = "A", from = "VNM", to = "PRK", year = 1957 },
  { who = "B", from = "PRK", to = "VNM", year = 1958 },
  { who = "A", from = "VNM", to = "PRK", year = 1961 },
  { who = "C", from = "VNM", to = "RUS", year = 1961 },
  { who = "D", from = "RUS", to = "VNM" },
}

return {
  crosstab_counts_and_keeps_the_items = function()
    local t = data.crosstab(visits, "from", "to")
    same(t.rows, { "PRK", "RUS", "VNM" })
    same(t.columns, { "PRK", "RUS", "VNM" })
    same(t.counts, { VNM = { PRK = 2, RUS = 1 }, PRK = { VNM = 1 }, RUS = { VNM = 1 } })
    assert(t.items.VNM.PRK[1] == visits[1] and t.items.VNM.PRK[2] == visits[3])
    -- A function key; nil keys are left out.
    local by_decade = data.crosstab(visits, function(v) return v.year and v.year // 10 * 10 end, "from")
    same(by_decade.rows, { 1950, 1960 })
    same(by_decade.counts[1960], { VNM = 2 })
  end,

  crosstab_takes_a_query = function()
    local q = corpus.visits{ status = "occurred" }
    local t = data.crosstab(q, "decade", "destination")
    local total = 0
    for _, row in pairs(t.counts) do for _, n in pairs(row) do total = total + n end end
    local dated = 0
    for v in q do if v.decade then dated = dated + 1 end end
    assert(total == dated, total .. " ~= " .. dated)
  end,

  pivot_makes_wide_rows = function()
    local long = {
      { decade = 1950, direction = "out", n = 2 }, { decade = 1950, direction = "in", n = 1 },
      { decade = 1970, direction = "out", n = 4 }, { decade = 1950, direction = "out", n = 1 },
    }
    local wide, columns = data.pivot(long, { row = "decade", column = "direction", value = "n", fill = 0 })
    same(columns, { "in", "out" })
    same(wide, { { decade = 1950, ["in"] = 1, out = 3 }, { decade = 1970, ["in"] = 0, out = 4 } })
    local counted = data.pivot(visits, { row = "from", column = "to" })
    same(counted[3], { from = "VNM", PRK = 2, RUS = 1 })
    fails(function() data.pivot(long, { row = "decade", colum = "direction" }) end, "unknown option 'colum'")
  end,

  complete_fills_missing_categories = function()
    same(data.complete({ [1950] = 2, [1970] = 1 }, data.range(1950, 1980, 10)),
      { [1950] = 2, [1960] = 0, [1970] = 1, [1980] = 0 })
    same(data.complete({ a = 1 }, { "a", "b" }, "-"), { a = 1, b = "-" })
    local rows = data.complete({ { decade = 1970, visits = 3 } }, { 1960, 1970 },
      { key = "decade", fill = { visits = 0 } })
    same(rows, { { decade = 1960, visits = 0 }, { decade = 1970, visits = 3 } })
  end,

  lag_and_differences_over_sorted_rows = function()
    local dated = { visits[1], visits[2], visits[3] }
    local lagged = data.lag(dated, "year")
    same({ lagged[1].previous_year, lagged[2].previous_year, lagged[3].previous_year }, { nil, 1957, 1958 })
    local gaps = data.differences(dated, "year", { into = "gap" })
    assert(gaps[1].gap == nil and gaps[2].gap == 1 and gaps[3].gap == 3)
    assert(dated[2].gap == nil, "the input is left as it was")
    local two_back = data.lag(dated, "who", { n = 2, into = "before" })
    assert(two_back[3].before == "A" and two_back[2].before == nil)
  end,

  join_on_a_key = function()
    local names = { { code = "VNM", name = "Vietnam" }, { code = "PRK", name = "North Korea" } }
    local joined = data.join(visits, names, "from", { right_key = "code" })
    assert(#joined == 4, #joined)
    assert(joined[1].name == "Vietnam" and joined[1].who == "A" and joined[2].name == "North Korea")
    local kept = data.join(visits, names, "from", { right_key = "code", kind = "left" })
    assert(#kept == 5 and kept[5].name == nil and kept[5].who == "D")
    fails(function() data.join(visits, names, "from", { kind = "outer" }) end, "kind must be")
  end,

  top_n_of_counts_and_rows = function()
    same(data.top({ VNM = 3, PRK = 5, RUS = 3, LAO = 1 }, 3),
      { { key = "PRK", count = 5 }, { key = "RUS", count = 3 }, { key = "VNM", count = 3 } })
    local oldest = data.top(visits, 2, { by = function(v) return v.year and -v.year end })
    assert(oldest[1] == visits[1] and oldest[2] == visits[2])
    assert(#data.top(visits, 0, { by = "year" }) == 0)
  end,
}
