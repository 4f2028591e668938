-- visit-timeline: every visit between two countries, in date order, with the articles that report it.
--
-- Sources are shown as document numbers ([1], [2]: the documents' places in the corpus, as in
-- corpus-summary) and listed in full below the table, so that a visit reported by many articles still
-- fits on one row.

local util = require("dossier_util")
local data = require("dossier_data")

return {
  name = "visit-timeline",
  title = "Visits between two countries",
  description = "Lists every visit between two countries in date order, both ways, with its sources.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "visits", "timeline" },
  params = {
    a = { type = "country", default = "VNM", description = "First country (ISO3 code or name)." },
    b = { type = "country", default = "PRK", description = "Second country (ISO3 code or name)." },
    status = {
      type = "string",
      default = "any",
      choices = { "occurred", "planned", "negated", "any" },
      description = "Visit status shown; \"any\" shows every status.",
    },
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local status = util.status_filter(p.status)
    local a_name, b_name = country_name(p.a), country_name(p.b)

    report.heading(("%s and %s"):format(a_name, b_name), 1)
    report.paragraph(("Every visit from %s to %s and from %s to %s%s, oldest first."):format(
      a_name, b_name, b_name, a_name, status and (", with status " .. status) or ""))

    if p.a == p.b then
      report.note(("No visits match: a and b are both %s; give two different countries."):format(a_name))
      return
    end

    -- Both directions, merged and sorted by start date (undated visits last), then by id.
    local visits = {}
    for _, dir in ipairs({ { p.a, p.b }, { p.b, p.a } }) do
      for v in corpus.visits{ from = dir[1], to = dir[2], status = status } do visits[#visits + 1] = v end
    end
    table.sort(visits, function(x, y)
      if util.date_before(x.start_date, y.start_date) then return true end
      if util.date_before(y.start_date, x.start_date) then return false end
      return x.index < y.index
    end)

    if #visits == 0 then
      report.note(("No visits match: between %s and %s%s."):format(
        a_name, b_name, status and (" with status " .. status) or ""))
      return
    end

    -- Cite documents by their number in the corpus; remember them for the list of sources.
    local cited = {}
    local function cite(doc)
      cited[doc.index] = doc
      return "[" .. doc.index .. "]"
    end

    local rows = {}
    local per_direction = { [p.a] = 0, [p.b] = 0 }
    for _, v in ipairs(visits) do
      local refs = {}
      for _, doc in ipairs(util.documents_of(v.mentions)) do refs[#refs + 1] = cite(doc) end
      util.bump(per_direction, v.visitor_country)
      rows[#rows + 1] = {
        date = util.date_span(v.start_date, v.end_date),
        visitor = v.visitor_name,
        level = util.level_name(v.level),
        kind = v.kind,
        direction = ("%s → %s"):format(country_name(v.visitor_country), country_name(v.destination)),
        city = v.city and v.city.name or nil,
        status = v.status,
        sources = util.join(refs, " "),
        evidence = v,
      }
    end

    report.table{
      title = ("Visits between %s and %s"):format(a_name, b_name),
      columns = {
        { key = "date", title = "Date" },
        { key = "visitor", title = "Visitor" },
        { key = "level", title = "Level" },
        { key = "kind", title = "Kind" },
        { key = "direction", title = "Direction" },
        { key = "city", title = "City" },
        { key = "status", title = "Status" },
        { key = "sources", title = "Sources" },
      },
      rows = rows,
    }

    report.paragraph(("%s: %d from %s to %s, %d from %s to %s."):format(
      util.plural(#visits, "visit"), per_direction[p.a], a_name, b_name, per_direction[p.b], b_name, a_name))

    -- Visits per decade in each direction, when the visits span more than one decade.
    local by_decade = data.crosstab(visits, "decade", "visitor_country")
    local decades = by_decade.rows
    if #decades > 1 then
      local categories, from_a, from_b, behind_a, behind_b = {}, {}, {}, {}, {}
      for i, decade in ipairs(decades) do
        categories[i] = util.decade_label(decade)
        from_a[i] = by_decade.counts[decade][p.a] or 0
        from_b[i] = by_decade.counts[decade][p.b] or 0
        behind_a[i] = by_decade.items[decade][p.a] or {}
        behind_b[i] = by_decade.items[decade][p.b] or {}
      end
      report.chart{
        type = "bar",
        title = "Visits per decade, by direction",
        x_label = "Decade",
        y_label = "Visits",
        stacked = true,
        categories = categories,
        series = {
          { name = ("%s → %s"):format(a_name, b_name), values = from_a, evidence = behind_a },
          { name = ("%s → %s"):format(b_name, a_name), values = from_b, evidence = behind_b },
        },
      }
    end

    report.heading("Sources", 2)
    local items = {}
    for _, index in ipairs(util.sorted_keys(cited)) do
      items[#items + 1] = ("[%d] %s"):format(index, util.document_label(cited[index]))
    end
    report.list(items)
  end,
}
