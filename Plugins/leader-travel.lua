-- leader-travel: who travelled where, and when. One row per visitor: number of trips, destinations
-- (with counts) and years, most-travelled first.

local util = require("dossier_util")

local LEVELS = dossier.levels

return {
  name = "leader-travel",
  title = "Leader travel",
  description = "Per person: trips abroad, destinations and years, at or above a level.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "visits", "persons" },
  params = {
    country = {
      type = "country",
      description = "Only visitors from this country (ISO3 code or name); all countries when unset.",
    },
    min_level = util.min_level_param(LEVELS),
    status = util.status_param(),
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local rank = util.level_ranker(LEVELS)

    local filters = util.join({
      util.level_scope(p.min_level),
      p.country and ("visitors from " .. country_name(p.country)) or "visitors from any country",
      p.status == "any" and "any status" or ("status " .. p.status),
    })
    report.heading("Trips per person", 1)
    report.paragraph(("Visits %s, grouped by visitor."):format(filters))

    local query = corpus.visits{ from = p.country, min_level = p.min_level, status = util.status_filter(p.status) }
    -- Group by the visitor's id: one entry per person, whatever name the articles used.
    local groups = query:group_by(function(v) return v.visitor.id end)

    local people = {}
    for _, visits in pairs(groups) do
      local first = visits[1]
      local person = {
        name = first.visitor_name,
        country = first.visitor_country,
        trips = #visits,
        destinations = {},
        years = {},
        best_level = first.level,
        undated = 0,
      }
      for _, v in ipairs(visits) do
        util.bump(person.destinations, country_name(v.destination))
        if v.year then person.years[v.year] = true else person.undated = person.undated + 1 end
        if rank(v.level) < rank(person.best_level) then person.best_level = v.level end
      end
      people[#people + 1] = person
    end

    if #people == 0 then
      report.note("No visits match: " .. filters .. ".")
      return
    end

    util.sort_by(people, { function(x) return x.trips end, desc = true }, function(x) return x.name end)

    local rows = {}
    for _, person in ipairs(people) do
      local destinations = {}
      for _, d in ipairs(util.ranked(person.destinations)) do
        destinations[#destinations + 1] = d.count > 1 and ("%s ×%d"):format(d.key, d.count) or d.key
      end
      local years = util.sorted_keys(person.years)
      if person.undated > 0 then years[#years + 1] = "undated ×" .. person.undated end
      rows[#rows + 1] = {
        person = person.name,
        country = person.country and country_name(person.country) or nil,
        level = util.level_name(person.best_level),
        trips = person.trips,
        destinations = util.join(destinations),
        years = util.join(years),
      }
    end

    report.table{
      title = "Trips per person",
      columns = {
        { key = "person", title = "Person" },
        { key = "country", title = "Country" },
        { key = "level", title = "Highest level" },
        { key = "trips", title = "Trips", type = "integer" },
        { key = "destinations", title = "Destinations" },
        { key = "years", title = "Years" },
      },
      rows = rows,
    }

    -- Chart the most-travelled people (at most 15, so the bars stay readable).
    local categories, values = {}, {}
    for i = 1, math.min(#people, 15) do
      categories[i] = people[i].name
      values[i] = people[i].trips
    end
    report.chart{
      type = "bar",
      title = #people > 15 and "Trips of the 15 most-travelled people" or "Trips per person",
      x_label = "Person",
      y_label = "Trips",
      categories = categories,
      series = { { name = "Trips", values = values } },
    }

    report.paragraph(("%s by %s."):format(util.plural(query:count(), "trip"), util.plural(#people, "person", "people")))
  end,
}
