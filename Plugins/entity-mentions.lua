-- entity-mentions: the persons, countries and organisations the corpus talks about most, overall and
-- per document.
--
-- How mentions are counted: the corpus model finds every mention of an entity in the articles (by any
-- of its names, by a title such as "President X", by a short reference such as "Kim", or by a demonym
-- such as "Vietnamese"); `Entity.mention_count` is how many there are, and `Document.mentions` lists
-- them, document by document, in text order. A sentence that names an entity twice counts twice.

local util = require("dossier_util")

local DEFAULT_KINDS = { "person", "country", "organisation" }
local KIND_TITLES = { person = "Persons", country = "Countries", organisation = "Organisations", city = "Cities" }

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
    report.paragraph("An entity's mentions are the places where the articles name it: by any of its names, "
      .. "by a title (\"President X\"), by a short reference (\"Kim\") or by a demonym (\"Vietnamese\"), as "
      .. "the corpus model finds them.")

    -- The entities of the wanted kinds that the articles name, with their mention counts.
    local counts, by_id = {}, {}
    for _, kind in ipairs(kinds) do
      for _, e in ipairs(corpus.entities{ kind = kind, mentioned = true }) do
        by_id[e.id] = e
        counts[e.id] = e.mention_count
      end
    end

    -- Per document: the mentions of each wanted entity, and in how many documents each is named.
    local documents, per_doc, doc_by_index = {}, {}, {}
    for _, doc in ipairs(corpus.documents()) do
      for _, m in ipairs(doc.mentions) do
        local id = m.entity.id
        if by_id[id] then
          doc_by_index[doc.index] = doc
          per_doc[doc.index] = per_doc[doc.index] or {}
          util.bump(per_doc[doc.index], id)
          documents[id] = documents[id] or {}
          documents[id][doc.index] = true
        end
      end
    end

    -- Most mentioned first; ties by name (then id), so the order reads alphabetically.
    local function ranked_entities(per_entity)
      return util.sort_by(util.ranked(per_entity), { function(x) return x.count end, desc = true },
        function(x) return by_id[x.key].name end, function(x) return x.key end)
    end
    local ranked = ranked_entities(counts)
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
        mentions = entry.count,
        documents = #util.sorted_keys(documents[entry.key] or {}),
      }
    end
    local columns = {
      { key = "rank", title = "#", type = "integer" },
      { key = "name", title = "Entity" },
      { key = "kind", title = "Kind" },
      { key = "country", title = "Country" },
      { key = "mentions", title = "Mentions", type = "integer" },
      { key = "documents", title = "Documents", type = "integer" },
    }

    -- Overall, all kinds together.
    local rows, categories, values = {}, {}, {}
    for i = 1, math.min(top, #ranked) do
      rows[i] = row_for(i, ranked[i])
      categories[i] = rows[i].name
      values[i] = rows[i].mentions
    end
    report.table{ title = ("The %d most mentioned"):format(#rows), columns = columns, rows = rows }
    report.chart{
      type = "bar",
      title = "Mentions of the most mentioned entities",
      x_label = "Entity",
      y_label = "Mentions",
      categories = categories,
      series = { { name = "Mentions", values = values } },
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
        for _, entry in ipairs(ranked_entities(per_doc[index])) do
          if by_id[entry.key].kind == kind and #names < per_doc_top then
            names[#names + 1] = ("%s (%d)"):format(by_id[entry.key].name, entry.count)
          end
        end
        row[kind] = #names > 0 and util.join(names) or nil
      end
      doc_rows[#doc_rows + 1] = row
    end
    report.table{
      title = ("The %d most mentioned of each kind, per document (mentions)"):format(per_doc_top),
      columns = doc_columns,
      rows = doc_rows,
    }
  end,
}
