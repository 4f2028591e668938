-- anniversaries-ahead: the round anniversaries (10th, 20th, 25th, 30th, ... 75th, ... 100th, ...) of
-- recorded events — establishments of relations and visits that took place — that fall in the coming
-- years. Useful for planning: a 75th anniversary of relations is usually marked by a visit.

local util = require("dossier_util")

-- A round anniversary: every tenth, and the quarter centuries (25th, 75th, 125th, ...).
local function is_round(n)
  return n > 0 and (n % 10 == 0 or n % 25 == 0)
end

-- Dates as comparable numbers, yyyymmdd; the unknown parts of a partial date widen it to a span.
local function first_day(y, m, d) return y * 10000 + (m or 1) * 100 + (d or 1) end
local function last_day(y, m, d) return y * 10000 + (m or 12) * 100 + (d or 31) end

-- A partial date as ISO text: "2025", "2025-10", "2025-10-09".
local function iso_of(y, m, d)
  return ("%04d"):format(y) .. (m and ("-%02d"):format(m) or "") .. (m and d and ("-%02d"):format(d) or "")
end

return {
  name = "anniversaries-ahead",
  title = "Anniversaries ahead",
  description = "Round anniversaries of recorded establishments of relations and visits in the coming years.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "relations", "events", "planning" },
  params = {
    years = { type = "integer", default = 10, description = "How many years ahead to look (from `from`)." },
    from = {
      type = "date",
      default = dossier.today, -- DOSSIER_TODAY=YYYY-MM-DD fixes it (`dossier test` does)
      description = "The first day of the period (default: today, or $DOSSIER_TODAY).",
    },
    country = {
      type = "country",
      description = "Only events involving this country (ISO3 code or name); all when unset.",
    },
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)

    -- The period: from `from` to the same day `years` later, inclusive.
    local fy, fm, fd = util.ymd(p.from or dossier.today)
    local years = p.years or 10
    local period_start, period_end = first_day(fy, fm, fd), last_day(fy + years, fm, fd)
    local from_iso, until_iso = iso_of(fy, fm, fd), iso_of(fy + years, fm, fd)

    report.heading("Round anniversaries ahead", 1)
    report.paragraph(("Round anniversaries (10th, 20th, 25th, 30th, ... 75th, ...) between %s and %s of the "
      .. "establishments of relations and the visits that took place%s."):format(
      from_iso, until_iso, p.country and (", involving " .. country_name(p.country)) or ""))

    -- The recorded events: establishments of relations and visits that took place.
    local sources = {}
    for e in corpus.events{ kind = "relations_established", country = p.country } do
      local names = {}
      for _, code in ipairs(e.countries or {}) do names[#names + 1] = country_name(code) end
      sources[#sources + 1] = {
        date = e.start_date,
        kind = "Relations established",
        what = "Diplomatic relations " .. (#names > 0 and util.join(names, " – ") or "(countries not named)"),
      }
    end
    for v in corpus.visits{ status = "occurred", country = p.country } do
      sources[#sources + 1] = {
        date = v.start_date,
        kind = "Visit",
        what = ("Visit of %s to %s"):format(v.visitor_name, country_name(v.destination)),
      }
    end

    -- Every round anniversary of every event that falls in the period.
    local found = {}
    for _, s in ipairs(sources) do
      local y, m, d = util.ymd(s.date)
      if y ~= nil then
        for target = math.max(fy, y + 1), fy + years do
          local n = target - y
          if is_round(n) and last_day(target, m, d) >= period_start and first_day(target, m, d) <= period_end then
            found[#found + 1] = {
              sort = first_day(target, m, d),
              date = iso_of(target, m, d),
              ordinal = n,
              kind = s.kind,
              what = s.what,
              since = util.iso(s.date),
            }
          end
        end
      end
    end
    util.sort_by(found, function(x) return x.sort end, function(x) return -x.ordinal end,
      function(x) return x.what end)

    if #found == 0 then
      report.note(("No anniversaries match: no round anniversary of a recorded event falls between %s and %s."):format(
        from_iso, until_iso))
      return
    end

    local rows = {}
    for _, x in ipairs(found) do
      rows[#rows + 1] = {
        date = x.date,
        anniversary = util.ordinal(x.ordinal),
        kind = x.kind,
        what = x.what,
        since = x.since,
      }
    end
    report.table{
      title = "Round anniversaries",
      columns = {
        { key = "date", title = "Date" },
        { key = "anniversary", title = "Anniversary" },
        { key = "kind", title = "Kind" },
        { key = "what", title = "Of" },
        { key = "since", title = "Original date" },
      },
      rows = rows,
    }

    -- How many anniversaries fall in each year of the period.
    local per_year = {}
    for _, x in ipairs(found) do util.bump(per_year, tonumber(x.date:sub(1, 4))) end
    local categories, values = {}, {}
    for year = fy, fy + years do
      categories[#categories + 1] = tostring(year)
      values[#values + 1] = per_year[year] or 0
    end
    report.chart{
      type = "bar",
      title = "Round anniversaries per year",
      x_label = "Year",
      y_label = "Anniversaries",
      categories = categories,
      series = { { name = "Anniversaries", values = values } },
    }
    report.paragraph(("%s in the next %s."):format(util.plural(#found, "round anniversary", "round anniversaries"),
      util.plural(years, "year")))
  end,
}
