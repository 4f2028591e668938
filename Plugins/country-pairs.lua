-- country-pairs: who visits whom. A matrix of visits (rows: the visitor's country, columns: the
-- destination), then every pair of countries with the visits each way and whether they reciprocate.

local util = require("dossier_util")
local data = require("dossier_data")

return {
  name = "country-pairs",
  title = "Who visits whom",
  description = "A matrix of visits between countries, and the pairs that visit each other both ways.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "visits", "countries" },
  params = {
    min_level = util.min_level_param(dossier.levels),
    status = util.status_param(),
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local UNKNOWN = "?" -- stands for a visitor whose country the corpus does not know

    local filters = util.join({
      util.level_scope(p.min_level),
      p.status == "any" and "any status" or ("status " .. p.status),
    })
    report.heading("Visits between countries", 1)
    report.paragraph(("Visits %s: rows are the visitors' countries, columns the destinations."):format(filters))

    -- counts[from][to] = visits, and the visits behind each count.
    local query = corpus.visits{ min_level = p.min_level, status = util.status_filter(p.status) }
    local matrix = data.crosstab(query, function(v) return v.visitor_country or UNKNOWN end, "destination")
    local counts = matrix.counts

    local function by_name(x, y)
      local nx, ny = country_name(x ~= UNKNOWN and x or nil), country_name(y ~= UNKNOWN and y or nil)
      if nx ~= ny then return nx < ny end
      return x < y
    end
    local row_codes, column_codes = matrix.rows, matrix.columns
    table.sort(row_codes, by_name)
    table.sort(column_codes, by_name)

    if #row_codes == 0 then
      report.note("No visits match: " .. filters .. ".")
      return
    end

    -- The matrix. A cell on the diagonal (a country visiting itself) has no value.
    local columns = { { key = "from", title = "From ↓ / to →" } }
    for _, to in ipairs(column_codes) do
      columns[#columns + 1] = { key = to, title = country_name(to), type = "integer" }
    end
    columns[#columns + 1] = { key = "total", title = "Total", type = "integer" }
    local rows = {}
    for _, from in ipairs(row_codes) do
      local row = { from = country_name(from ~= UNKNOWN and from or nil), total = 0, evidence = {} }
      for _, to in ipairs(column_codes) do
        if to ~= from then
          row[to] = counts[from][to] or 0
          row.total = row.total + row[to]
          for _, v in ipairs(matrix.items[from][to] or {}) do table.insert(row.evidence, v) end
        end
      end
      rows[#rows + 1] = row
    end
    report.table{ title = "Visits by visitor's country and destination", columns = columns, rows = rows }

    -- Unordered pairs, with the count each way.
    local pairs_list, seen = {}, {}
    for from, row in pairs(counts) do
      for to in pairs(row) do
        local first, second = from, to
        if by_name(to, from) then first, second = to, from end
        local key = first .. ">" .. second
        if not seen[key] and first ~= second then
          seen[key] = true
          local forth = (counts[first] or {})[second] or 0
          local back = (counts[second] or {})[first] or 0
          pairs_list[#pairs_list + 1] = { a = first, b = second, forth = forth, back = back }
        end
      end
    end
    util.sort_by(pairs_list,
      { function(x) return x.forth + x.back end, desc = true },
      function(x) return country_name(x.a) end,
      function(x) return country_name(x.b) end)

    local pair_rows, reciprocal = {}, 0
    for _, pair in ipairs(pairs_list) do
      local both = pair.forth > 0 and pair.back > 0 and pair.a ~= UNKNOWN and pair.b ~= UNKNOWN
      if both then reciprocal = reciprocal + 1 end
      local behind = {}
      for _, v in ipairs((matrix.items[pair.a] or {})[pair.b] or {}) do behind[#behind + 1] = v end
      for _, v in ipairs((matrix.items[pair.b] or {})[pair.a] or {}) do behind[#behind + 1] = v end
      pair_rows[#pair_rows + 1] = {
        evidence = behind,
        a = country_name(pair.a ~= UNKNOWN and pair.a or nil),
        b = country_name(pair.b ~= UNKNOWN and pair.b or nil),
        forth = pair.forth,
        back = pair.back,
        reciprocal = both and "yes" or "no",
      }
    end

    report.heading("Reciprocity", 2)
    report.paragraph(("%d of %s visited each other both ways."):format(
      reciprocal, util.plural(#pairs_list, "pair of countries", "pairs of countries")))
    report.table{
      title = "Pairs of countries",
      columns = {
        { key = "a", title = "Country A" },
        { key = "b", title = "Country B" },
        { key = "forth", title = "Visits A → B", type = "integer" },
        { key = "back", title = "Visits B → A", type = "integer" },
        { key = "reciprocal", title = "Both ways" },
      },
      rows = pair_rows,
    }

    -- The pairs as a chart, the two directions side by side (the 15 busiest pairs at most).
    local categories, forth, back = {}, {}, {}
    for i = 1, math.min(#pair_rows, 15) do
      categories[i] = pair_rows[i].a .. " – " .. pair_rows[i].b
      forth[i] = pair_rows[i].forth
      back[i] = pair_rows[i].back
    end
    report.chart{
      type = "bar",
      title = #pair_rows > 15 and "Visits each way, the 15 busiest pairs" or "Visits each way, per pair",
      x_label = "Pair (A – B)",
      y_label = "Visits",
      categories = categories,
      series = { { name = "A → B", values = forth }, { name = "B → A", values = back } },
    }
  end,
}
