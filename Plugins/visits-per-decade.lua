-- visits-per-decade: how many high-level visits took place in each decade.
--
-- The counting itself runs in Swift: `corpus.visits{...}` filters the visits and `:count_by("decade")`
-- aggregates them, so this plugin stays fast on a corpus of a million visits.

local util = require("dossier_util")
local data = require("dossier_data")

return {
  name = "visits-per-decade",
  title = "High-level visits per decade",
  description = "Counts the visits per decade, at or above a level, optionally from or to one country.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "visits", "charts" },
  params = {
    min_level = util.min_level_param(dossier.levels),
    country = {
      type = "country",
      description = "Only visits from or to this country (ISO3 code or name); all countries when unset.",
    },
    status = util.status_param(),
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local status = util.status_filter(p.status)

    -- One query: the `country` filter keeps the visits from or to that country. Counted per decade in
    -- Swift; `matched` tells undated visits apart from no visits at all.
    local query = corpus.visits{ min_level = p.min_level, status = status, country = p.country }
    local counts, matched = query:count_by("decade"), query:count()

    -- Say what was counted.
    local scope = p.country and ("from or to " .. country_name(p.country)) or "between any countries"
    local status_text = p.status == "any" and "of any status" or ("with status " .. p.status)
    local filters = ("%s, %s, %s"):format(util.level_scope(p.min_level), scope, status_text)
    report.heading("Visits per decade", 1)
    report.paragraph(("Visits %s, counted by the decade in which they started."):format(filters))

    local decades = util.sorted_keys(counts)
    if #decades == 0 then
      if matched > 0 then
        report.note(("No dated visits match: %s (%s without a date)."):format(filters, util.plural(matched, "visit")))
      else
        report.note("No visits match: " .. filters .. ".")
      end
      return
    end

    -- Every decade from the first to the last, those without a visit at 0, so the chart shows the gaps.
    local all_decades = data.range(decades[1], decades[#decades], 10)
    local filled = data.complete(counts, all_decades, 0)
    -- The visits behind each count, as the report's evidence.
    local behind = query:group_by("decade")
    local rows, categories, values, evidence = {}, {}, {}, {}
    for i, decade in ipairs(all_decades) do
      local label = util.decade_label(decade)
      rows[i] = { label, filled[decade], evidence = behind[decade] }
      categories[i] = label
      values[i] = filled[decade]
      evidence[i] = behind[decade] or {}
    end

    report.table{
      title = "Visits per decade",
      columns = {
        { key = "decade", title = "Decade", type = "text" },
        { key = "visits", title = "Visits", type = "integer" },
      },
      rows = rows,
    }
    report.chart{
      type = "bar",
      title = "Visits per decade",
      x_label = "Decade",
      y_label = "Visits",
      categories = categories,
      series = { { name = "Visits", values = values, evidence = evidence } },
    }

    local total = util.total(counts)
    report.paragraph(("%s in %s."):format(util.plural(total, "visit"), util.plural(#decades, "decade")))
    if matched > total then
      report.note(("%s without a known date %s not counted."):format(
        util.plural(matched - total, "visit"), matched - total == 1 and "is" or "are"))
    end
  end,
}
