-- corpus-summary: what the corpus holds. Documents, sources, languages, the date range, sentences,
-- entities by kind, and visits and events by kind and status.

local util = require("dossier_util")

-- The entity kinds the API knows, in the order they are shown.
local ENTITY_KINDS = { "person", "country", "city", "region", "organisation" }
local STATUSES = { "occurred", "planned", "negated" }

return {
  name = "corpus-summary",
  title = "Corpus summary",
  description = "Documents, sources, languages, dates, sentences, entities, visits and events in the corpus.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "corpus", "overview" },
  params = {},

  run = function(ctx)
    local corpus, report = ctx.corpus, ctx.report

    local documents = corpus.documents()
    report.heading("Overview", 1)
    -- (The corpus hash is in every report's provenance line, so it is not repeated here.)
    report.paragraph("What was read, and what was extracted from it.")

    if #documents == 0 then
      report.note("No documents match: the corpus is empty.")
      return
    end

    -- Documents: sources, languages, dates and sentences.
    local sources, languages = {}, {}
    local sentences, paragraphs, undated, unsourced = 0, 0, 0, 0
    local first, last
    for _, doc in ipairs(documents) do
      util.bump(sources, util.source_name(doc))
      if doc.source == nil or doc.source == "" then unsourced = unsourced + 1 end
      util.bump(languages, doc.language or "unknown")
      sentences = sentences + doc.sentence_count
      paragraphs = paragraphs + doc.paragraph_count
      if doc.date == nil then
        undated = undated + 1
      else
        if first == nil or util.date_before(doc.date, first) then first = doc.date end
        if last == nil or util.date_before(last, doc.date) then last = doc.date end
      end
    end

    -- corpus.event_count counts every event, visits (kind "visit") included.
    local visit_count = corpus.visit_count
    local other_events = corpus.event_count - visit_count
    report.table{
      title = "The corpus in figures",
      columns = { { key = "what", title = "What" }, { key = "value", title = "Value" } },
      rows = {
        { "Documents", tostring(#documents) },
        { "Sources", tostring(#util.sorted_keys(sources) - (unsourced > 0 and 1 or 0))
          .. (unsourced > 0 and (" (and %s without one)"):format(util.plural(unsourced, "document")) or "") },
        { "Languages", util.join(util.sorted_keys(languages)) },
        { "Publication dates", first and (util.iso(first) .. " – " .. util.iso(last)) or "none known" },
        { "Undated documents", tostring(undated) },
        { "Paragraphs", tostring(paragraphs) },
        { "Sentences", tostring(sentences) },
        { "Entities known (gazetteer and discovered)", tostring(corpus.entity_count) },
        { "Entities named in the articles", tostring(#corpus.entities{ mentioned = true }) },
        { "Visits", tostring(visit_count) },
        { "Other events", tostring(other_events) },
      },
    }

    -- Sources and languages.
    report.heading("Sources and languages", 2)
    local source_rows = {}
    for _, s in ipairs(util.ranked(sources)) do source_rows[#source_rows + 1] = { s.key, s.count } end
    report.table{
      title = "Documents per source",
      columns = {
        { key = "source", title = "Source" },
        { key = "documents", title = "Documents", type = "integer" },
      },
      rows = source_rows,
    }
    local language_rows = {}
    for _, l in ipairs(util.ranked(languages)) do language_rows[#language_rows + 1] = { l.key, l.count } end
    report.table{
      title = "Documents per language",
      columns = {
        { key = "language", title = "Language" },
        { key = "documents", title = "Documents", type = "integer" },
      },
      rows = language_rows,
    }

    -- The documents themselves.
    report.heading("Documents", 2)
    local doc_rows = {}
    for _, doc in ipairs(documents) do
      doc_rows[#doc_rows + 1] = {
        index = doc.index,
        date = util.iso(doc.date),
        source = util.source_name(doc),
        language = doc.language,
        title = doc.title,
        sentences = #doc.sentences,
      }
    end
    report.table{
      title = "Documents",
      columns = {
        { key = "index", title = "#", type = "integer" },
        { key = "date", title = "Date" },
        { key = "source", title = "Source" },
        { key = "language", title = "Language" },
        { key = "title", title = "Title" },
        { key = "sentences", title = "Sentences", type = "integer" },
      },
      rows = doc_rows,
    }

    -- Entities by kind: every entity the model knows (the gazetteer's and the persons discovered in
    -- the articles), and those the articles name, with their mentions.
    report.heading("Entities", 2)
    local entity_rows = {}
    for _, kind in ipairs(ENTITY_KINDS) do
      local named, mentions = corpus.entities{ kind = kind, mentioned = true }, 0
      for _, e in ipairs(named) do mentions = mentions + e.mention_count end
      entity_rows[#entity_rows + 1] = { kind, #corpus.entities{ kind = kind }, #named, mentions }
    end
    report.table{
      title = "Entities by kind",
      columns = {
        { key = "kind", title = "Kind" },
        { key = "known", title = "Known to the model", type = "integer" },
        { key = "named", title = "Named in the articles", type = "integer" },
        { key = "mentions", title = "Mentions", type = "integer" },
      },
      rows = entity_rows,
    }

    -- Visits by status, and events by kind and status (the counting runs in Swift).
    report.heading("Visits and events", 2)
    if visit_count + other_events == 0 then
      report.note("No events match: nothing was extracted from the documents.")
      return
    end
    local visits_by_status = corpus.visits{}:count_by("status")
    local visit_rows = {}
    for _, status in ipairs(STATUSES) do visit_rows[#visit_rows + 1] = { status, visits_by_status[status] or 0 } end
    report.table{
      title = "Visits by status",
      columns = { { key = "status", title = "Status" }, { key = "visits", title = "Visits", type = "integer" } },
      rows = visit_rows,
    }

    -- Events per kind and status, visits included.
    local by_kind = {}
    for _, kind in ipairs(util.sorted_keys(corpus.events{}:count_by("kind"))) do
      by_kind[kind] = corpus.events{ kind = kind }:count_by("status")
    end
    local kinds = util.sorted_keys(by_kind)
    local columns = { { key = "kind", title = "Event kind" } }
    for _, status in ipairs(STATUSES) do
      columns[#columns + 1] = { key = status, title = util.capitalise(status), type = "integer" }
    end
    columns[#columns + 1] = { key = "total", title = "Total", type = "integer" }
    local event_rows, categories, series = {}, {}, {}
    for i, status in ipairs(STATUSES) do series[i] = { name = util.capitalise(status), values = {} } end
    for _, kind in ipairs(kinds) do
      local by_status = by_kind[kind]
      local row = { kind = kind:gsub("_", " "), total = util.total(by_status) }
      categories[#categories + 1] = row.kind
      for i, status in ipairs(STATUSES) do
        row[status] = by_status[status] or 0
        series[i].values[#series[i].values + 1] = row[status]
      end
      event_rows[#event_rows + 1] = row
    end
    report.table{ title = "Events by kind and status", columns = columns, rows = event_rows }
    report.chart{
      type = "bar",
      title = "Events by kind and status",
      x_label = "Event kind",
      y_label = "Events",
      categories = categories,
      series = series,
    }
  end,
}
