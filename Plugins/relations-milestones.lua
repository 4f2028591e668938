-- relations-milestones: when diplomatic relations were established, the anniversaries the articles
-- celebrate, and the treaties they mention.
--
-- Anniversaries of relations are checked against the establishment: the establishment year plus the
-- ordinal must give the anniversary's year (1950 + 75 = 2025). A mismatch is reported as a warning,
-- since either the article or the extraction is wrong.

local util = require("dossier_util")

-- Words that make an anniversary an anniversary of relations ("diplomatic relations", "ties",
-- "quan hệ ngoại giao"). Matched on the lower-cased label.
local RELATION_WORDS = { "relation", "ties", "diplomatic", "quan hệ", "ngoại giao" }

-- Full-text searches for treaties and agreements (the model has no treaty events; see the notes).
local TREATY_TERMS = { "treaty", "agreement", "hiệp ước", "hiệp định" }

local function is_relations_anniversary(event)
  if event.label == nil then return #(event.countries or {}) >= 2 end
  local label = event.label:lower()
  for _, word in ipairs(RELATION_WORDS) do
    if label:find(word, 1, true) then return true end
  end
  return false
end

-- A set of the ISO3 codes of an event's countries.
local function country_set(event)
  local set = {}
  for _, code in ipairs(event.countries or {}) do set[code] = true end
  return set
end

-- The set of document indexes an event's mentions come from.
local function document_set(event)
  local set = {}
  for _, m in ipairs(event.mentions or {}) do set[m.document.index] = true end
  return set
end

-- The establishments an anniversary of relations can refer to: those between its countries when it
-- names them; otherwise those reported in the same articles. Nothing else: an article about Russia
-- that celebrates "75 years of diplomatic relations" says nothing about relations with the DPRK, even
-- when those are the only ones the corpus records.
local function establishments_for(anniversary, establishments)
  local found = {}
  local countries = country_set(anniversary)
  if next(countries) ~= nil then
    for _, e in ipairs(establishments) do
      local theirs, all = country_set(e), true
      for code in pairs(countries) do all = all and theirs[code] == true end
      if all then found[#found + 1] = e end
    end
    return found
  end
  local docs = document_set(anniversary)
  for _, e in ipairs(establishments) do
    for index in pairs(document_set(e)) do
      if docs[index] then
        found[#found + 1] = e
        break
      end
    end
  end
  return found
end

-- A key merging anniversaries reported twice with slightly different labels ("the X" and "X").
local function anniversary_key(event)
  local label = (event.label or ""):lower():gsub("^the%s+", ""):gsub("%s+", " ")
  local codes = {}
  for _, code in ipairs(event.countries or {}) do codes[#codes + 1] = code end
  table.sort(codes)
  return table.concat({ tostring(event.year), tostring(event.ordinal), label, table.concat(codes, ",") }, "|")
end

return {
  name = "relations-milestones",
  title = "Milestones in relations",
  description = "Establishment of relations, anniversaries (with their arithmetic checked) and treaties.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "relations", "events", "timeline" },
  params = {
    country = {
      type = "country",
      description = "Only milestones involving this country (ISO3 code or name); all when unset.",
    },
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local scope = p.country and (" involving " .. country_name(p.country)) or ""

    report.heading("Milestones in relations" .. scope, 1)
    report.paragraph("When relations were established, which anniversaries the articles mark, and whether "
      .. "the anniversaries agree with the establishment dates.")

    -- Documents are cited by their number in the corpus ([1], [2]) and listed at the end.
    local cited = {}
    local function sources(event)
      local refs = {}
      for _, doc in ipairs(util.documents_of(event.mentions)) do
        cited[doc.index] = doc
        refs[#refs + 1] = "[" .. doc.index .. "]"
      end
      return util.join(refs, " ")
    end
    local function countries_text(event, sep)
      local names = {}
      for _, code in ipairs(event.countries or {}) do names[#names + 1] = country_name(code) end
      return #names > 0 and util.join(names, sep or " – ") or nil
    end
    local function by_date(x, y)
      if util.date_before(x.start_date, y.start_date) then return true end
      if util.date_before(y.start_date, x.start_date) then return false end
      return x.index < y.index
    end

    -- Establishments, in date order (all of them: anniversaries without countries may need any).
    local all_establishments = corpus.events{ kind = "relations_established" }:list()
    table.sort(all_establishments, by_date)
    local establishments = all_establishments
    if p.country then
      establishments = corpus.events{ kind = "relations_established", country = p.country }:list()
      table.sort(establishments, by_date)
    end

    -- Anniversaries: merged when reported twice, kept when they name the country or (naming none)
    -- refer to an establishment that involves it.
    local anniversaries, by_key = {}, {}
    for event in corpus.events{ kind = "anniversary" } do
      local links = is_relations_anniversary(event) and establishments_for(event, all_establishments) or {}
      local keep = p.country == nil or country_set(event)[p.country]
      if not keep and #(event.countries or {}) == 0 then
        for _, e in ipairs(links) do keep = keep or country_set(e)[p.country] == true end
      end
      if keep then
        local key = anniversary_key(event)
        local entry = by_key[key]
        if entry == nil then
          entry = { event = event, mentions = {}, links = links, relations = is_relations_anniversary(event) }
          by_key[key] = entry
          anniversaries[#anniversaries + 1] = entry
        end
        for _, m in ipairs(event.mentions or {}) do entry.mentions[#entry.mentions + 1] = m end
      end
    end
    util.sort_by(anniversaries,
      function(x) return x.event.year or math.maxinteger end,
      function(x) return x.event.ordinal or 0 end,
      function(x) return x.event.index end)

    if #establishments == 0 and #anniversaries == 0 then
      report.note("No milestones match: no establishment of relations or anniversary is recorded" .. scope .. ".")
    end

    -- 1. Establishment of relations.
    if #establishments > 0 then
      report.heading("Establishment of relations", 2)
      local rows = {}
      for _, e in ipairs(establishments) do
        rows[#rows + 1] = {
          date = util.iso(e.start_date),
          countries = countries_text(e),
          sources = sources(e),
        }
      end
      report.table{
        title = "Relations established",
        columns = {
          { key = "date", title = "Date" },
          { key = "countries", title = "Countries" },
          { key = "sources", title = "Sources" },
        },
        rows = rows,
      }
    end

    -- 2. Anniversaries, with the check.
    local warnings = {}
    if #anniversaries > 0 then
      report.heading("Anniversaries", 2)
      local rows = {}
      for _, entry in ipairs(anniversaries) do
        local a = entry.event
        local check
        if not entry.relations then
          check = nil -- not an anniversary of relations: nothing to check against
        elseif a.ordinal == nil or a.year == nil then
          check = "no ordinal or year to check"
        elseif #entry.links == 0 then
          check = "no establishment recorded"
        else
          local parts, ok = {}, false
          for _, e in ipairs(entry.links) do
            if e.year ~= nil then
              local sum = e.year + a.ordinal
              ok = ok or sum == a.year
              parts[#parts + 1] = sum == a.year and ("%d + %d = %d ✓"):format(e.year, a.ordinal, sum)
                or ("%d + %d = %d, not %d ✗"):format(e.year, a.ordinal, sum, a.year)
            end
          end
          check = #parts > 0 and util.join(parts, "; ") or "establishment undated"
          if #parts > 0 and not ok then
            local e = entry.links[1]
            warnings[#warnings + 1] = ("The corpus disagrees with itself: the %s anniversary of %s in %d "
              .. "implies relations established in %d, but it records relations %sestablished on %s, "
              .. "and %d + %d = %d, not %d.")
              :format(util.ordinal(a.ordinal), a.label or "relations", a.year, a.year - a.ordinal,
                countries_text(e) and ("between " .. countries_text(e, " and ") .. " ") or "",
                util.iso(e.start_date), e.year, a.ordinal, e.year + a.ordinal, a.year)
          end
        end
        rows[#rows + 1] = {
          year = a.year,
          ordinal = a.ordinal and util.ordinal(a.ordinal) or nil,
          of = a.label,
          countries = countries_text(a),
          since = (a.year and a.ordinal) and (a.year - a.ordinal) or nil,
          check = check,
          sources = sources({ mentions = entry.mentions }),
        }
      end
      report.table{
        title = "Anniversaries",
        columns = {
          { key = "year", title = "Year", type = "integer" },
          { key = "ordinal", title = "Anniversary" },
          { key = "of", title = "Of" },
          { key = "countries", title = "Countries" },
          { key = "since", title = "Implied start", type = "integer" },
          { key = "check", title = "Check against establishment" },
          { key = "sources", title = "Sources" },
        },
        rows = rows,
      }
      for _, text in ipairs(warnings) do report.note(text, "warning") end
      if #warnings == 0 then
        report.note("Every anniversary of relations agrees with the recorded establishment, where one is recorded.")
      end
    end

    -- 3. Treaties and agreements: the model has no such events, so look for them in the text.
    local hits, seen = {}, {}
    for _, term in ipairs(TREATY_TERMS) do
      for _, hit in ipairs(corpus.search(term)) do
        local key = hit.document.index .. ":" .. hit.sentence
        if not seen[key] then
          seen[key] = true
          hits[#hits + 1] = hit
        end
      end
    end
    util.sort_by(hits, function(h) return h.document.index end, function(h) return h.sentence end)
    report.heading("Treaties and agreements", 2)
    if #hits == 0 then
      report.note("No treaty or agreement is mentioned in the corpus (searched for: "
        .. util.join(TREATY_TERMS) .. ").")
    else
      report.paragraph("Sentences that mention a treaty or an agreement (full-text search; "
        .. (p.country and "not filtered by country" or "all countries") .. ").")
      local rows = {}
      for _, hit in ipairs(hits) do
        rows[#rows + 1] = { date = util.iso(hit.document.date), sentence = hit.text, sources = sources({
          mentions = { { document = hit.document } } }) }
      end
      report.table{
        title = "Mentions of treaties and agreements",
        columns = {
          { key = "date", title = "Article date" },
          { key = "sentence", title = "Sentence" },
          { key = "sources", title = "Source" },
        },
        rows = rows,
      }
    end

    if next(cited) ~= nil then
      report.heading("Sources", 2)
      local items = {}
      for _, index in ipairs(util.sorted_keys(cited)) do
        items[#items + 1] = ("[%d] %s"):format(index, util.document_label(cited[index]))
      end
      report.list(items)
    end
  end,
}
