-- entity-mentions: the persons, countries and organisations the corpus talks about most, overall and
-- per document.
--
-- How mentions are counted: the Lua API has no list of an entity's mentions, so a mention here is a
-- sentence that names the entity (a full-text search, `corpus.search`, for each of its names) or that
-- reports a visit or event the person takes part in (which catches "Kim" and "he" in those sentences).
-- Each sentence counts once per entity. When a name is part of a longer name found in the same
-- sentence ("Triều Tiên" in "Nam Triều Tiên"), only the longer one counts; and a hit must agree with
-- the name where case or diacritics matter ("US" is not "us"; see really_names).

local util = require("dossier_util")

local DEFAULT_KINDS = { "person", "country", "organisation" }
local KIND_TITLES = { person = "Persons", country = "Countries", organisation = "Organisations", city = "Cities" }

-- Whether a search hit for `name` really names the entity. The search folds case, diacritics,
-- hyphens and punctuation; that is wanted for "Kim Jong Un" in "Kim Jong-un" or "Ho Chi Minh" in
-- "Hồ Chí Minh", but:
-- - case must agree: "US" is not "us", the newspaper "Nhân Dân" is not "nhân dân" (the people);
-- - a name written with diacritics must appear as written: "Bỉ" (Belgium) is not the "Bí" of "Tổng
--   Bí thư", and "Nam Triều Tiên" (South Korea) is not in "Việt Nam - Triều Tiên";
-- - in Vietnamese text, names are written with their diacritics, so a name must appear as written
--   ("Nhan Dan" does not name the newspaper in "nhân dân"; the gazetteer also holds "Nhân Dân").
local function really_names(hit, name)
  local text = hit.text
  if text:find(name, 1, true) or text:find(name:upper(), 1, true) then return true end
  if text:lower():find(name:lower(), 1, true) then return false end -- only in another capitalisation
  if name:find("[\128-\255]") then return false end -- diacritics that do not agree
  return hit.document.language ~= "vi"
end

-- The sentences each entity is named in: hits[sentence_key] = {document =, found = array of
-- {id =, name =} or {id =, reference = true}}.
local function collect_name_hits(corpus, entities, hits)
  for _, e in ipairs(entities) do
    for _, name in ipairs(util.unique(e.names or { e.name })) do
      for _, hit in ipairs(corpus.search(name)) do
        if really_names(hit, name) then
          local key = hit.document.index .. ":" .. hit.sentence
          hits[key] = hits[key] or { document = hit.document, found = {} }
          local found = hits[key].found
          found[#found + 1] = { id = e.id, name = name:lower() }
        end
      end
    end
  end
end

-- Sentences reporting a visit or an event count for the persons taking part.
local function collect_event_hits(corpus, wanted, hits)
  local function add(entity, mentions)
    if entity == nil or not wanted[entity.id] then return end
    for _, m in ipairs(mentions or {}) do
      local key = m.document.index .. ":" .. m.sentence
      hits[key] = hits[key] or { document = m.document, found = {} }
      local found = hits[key].found
      found[#found + 1] = { id = entity.id, reference = true }
    end
  end
  for v in corpus.visits{} do add(v.visitor, v.mentions) end
  for e in corpus.events{} do
    if e.kind ~= "visit" then
      for _, person in ipairs(e.participants or {}) do add(person, e.mentions) end
    end
  end
end

-- The entity ids a sentence's hits stand for, after dropping names inside longer names.
local function ids_in_sentence(found)
  local ids = {}
  for i, f in ipairs(found) do
    local shadowed = false
    if not f.reference then
      for j, g in ipairs(found) do
        if j ~= i and g.name and g.id ~= f.id and #g.name > #f.name and g.name:find(f.name, 1, true) then
          shadowed = true
          break
        end
      end
    end
    if not shadowed then ids[f.id] = true end
  end
  return ids
end

return {
  name = "entity-mentions",
  title = "Most mentioned entities",
  description = "The most mentioned persons, countries and organisations, overall and per document.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "entities", "corpus" },
  params = {
    top = { type = "integer", default = 10, description = "How many entities to show in each list." },
    kind = {
      type = "string",
      choices = { "person", "country", "organisation", "city" },
      description = "Only this kind of entity; persons, countries and organisations when unset.",
    },
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local top = math.max(1, p.top or 10)
    local kinds = p.kind and { p.kind } or DEFAULT_KINDS

    report.heading("Most mentioned entities", 1)
    report.paragraph("An entity's mentions are the sentences that name it (any of its names) or that report "
      .. "a visit or event the person takes part in; each sentence counts once.")
    report.note("Names are found by full-text search over the sentences, which reads \"Việt Nam\" and "
      .. "\"Vietnam\" as different words and misses short references (\"Kim\", \"the President\") outside "
      .. "visits and events; the counts can therefore be lower than the mentions the corpus model finds.")

    -- The entities of the wanted kinds.
    local entities, by_id, wanted = {}, {}, {}
    for _, kind in ipairs(kinds) do
      for _, e in ipairs(corpus.entities{ kind = kind }) do
        if not wanted[e.id] then
          entities[#entities + 1] = e
          by_id[e.id] = e
          wanted[e.id] = true
        end
      end
    end

    local hits = {}
    collect_name_hits(corpus, entities, hits)
    collect_event_hits(corpus, wanted, hits)

    -- Tally: sentences and documents per entity, and sentences per entity per document.
    local sentences, documents, per_doc, doc_by_index = {}, {}, {}, {}
    for _, h in pairs(hits) do
      local index = h.document.index
      doc_by_index[index] = h.document
      for id in pairs(ids_in_sentence(h.found)) do
        util.bump(sentences, id)
        documents[id] = documents[id] or {}
        documents[id][index] = true
        per_doc[index] = per_doc[index] or {}
        util.bump(per_doc[index], id)
      end
    end

    local ranked = util.ranked(sentences)
    if #ranked == 0 then
      report.note("No mentions match: no " .. util.join(kinds, " or ") .. " is named in the corpus.")
      return
    end

    local country_name = util.country_namer(corpus)
    local function row_for(rank, entry)
      local e = by_id[entry.key]
      return {
        rank = rank,
        name = e.name,
        kind = e.kind,
        country = (e.kind ~= "country" and e.country) and country_name(e.country) or nil,
        sentences = entry.count,
        documents = #util.sorted_keys(documents[entry.key]),
      }
    end
    local columns = {
      { key = "rank", title = "#", type = "integer" },
      { key = "name", title = "Entity" },
      { key = "kind", title = "Kind" },
      { key = "country", title = "Country" },
      { key = "sentences", title = "Sentences", type = "integer" },
      { key = "documents", title = "Documents", type = "integer" },
    }

    -- Overall, all kinds together.
    local rows, categories, values = {}, {}, {}
    for i = 1, math.min(top, #ranked) do
      rows[i] = row_for(i, ranked[i])
      categories[i] = rows[i].name
      values[i] = rows[i].sentences
    end
    report.table{ title = ("The %d most mentioned"):format(#rows), columns = columns, rows = rows }
    report.chart{
      type = "bar",
      title = "Sentences mentioning the most mentioned entities",
      x_label = "Entity",
      y_label = "Sentences",
      categories = categories,
      series = { { name = "Sentences", values = values } },
    }

    -- Per kind, when several kinds are shown.
    if #kinds > 1 then
      for _, kind in ipairs(kinds) do
        local kind_rows = {}
        for _, entry in ipairs(ranked) do
          if by_id[entry.key].kind == kind and #kind_rows < top then
            kind_rows[#kind_rows + 1] = row_for(#kind_rows + 1, entry)
          end
        end
        report.heading(KIND_TITLES[kind] or kind, 2)
        if #kind_rows == 0 then
          report.note("No " .. kind .. " is mentioned.")
        else
          report.table{
            title = "Most mentioned: " .. (KIND_TITLES[kind] or kind):lower(),
            columns = columns,
            rows = kind_rows,
          }
        end
      end
    end

    -- Per document: the most mentioned entities of each kind.
    report.heading("Per document", 2)
    local per_doc_top = math.min(top, 5)
    local doc_columns = { { key = "document", title = "Document" } }
    for _, kind in ipairs(kinds) do
      doc_columns[#doc_columns + 1] = { key = kind, title = KIND_TITLES[kind] or kind }
    end
    local doc_rows = {}
    for _, index in ipairs(util.sorted_keys(per_doc)) do
      local row = { document = util.document_label(doc_by_index[index]) }
      for _, kind in ipairs(kinds) do
        local names = {}
        for _, entry in ipairs(util.ranked(per_doc[index])) do
          if by_id[entry.key].kind == kind and #names < per_doc_top then
            names[#names + 1] = ("%s (%d)"):format(by_id[entry.key].name, entry.count)
          end
        end
        row[kind] = #names > 0 and util.join(names) or nil
      end
      doc_rows[#doc_rows + 1] = row
    end
    report.table{
      title = ("The %d most mentioned of each kind, per document (sentences)"):format(per_doc_top),
      columns = doc_columns,
      rows = doc_rows,
    }
  end,
}
