-- source-coverage: which articles report which events, and which events several sources report.
--
-- An event is "reported" by a document when one of its mentions (the sentences the model read it from)
-- is in that document. Sources are the documents' `source` fields (the outlet); documents without one
-- count as their own source.

local util = require("dossier_util")

return {
  name = "source-coverage",
  title = "Source coverage",
  description = "Which articles report which events, and the events reported by several sources.",
  version = "1.0.0",
  author = "Dossier",
  categories = { "sources", "events", "corpus" },
  params = {
    kind = {
      type = "string",
      choices = { "visit", "meeting", "relations_established", "anniversary", "message_exchange" },
      description = "Only events of this kind; every kind when unset.",
    },
    min_sources = {
      type = "integer",
      default = 2,
      description = "How many distinct sources make an event \"widely reported\".",
    },
  },

  run = function(ctx)
    local corpus, p, report = ctx.corpus, ctx.params, ctx.report
    local country_name = util.country_namer(corpus)
    local min_sources = math.max(1, p.min_sources or 2)

    report.heading("Which articles report which events", 1)
    report.paragraph(("Events%s and the articles whose sentences report them."):format(
      p.kind and (" of kind " .. p.kind:gsub("_", " ")) or ""))

    local documents = corpus.documents()
    -- Every event, visits included (kind "visit").
    local events = corpus.events{ kind = p.kind }:list()
    table.sort(events, function(x, y)
      if util.date_before(x.start_date, y.start_date) then return true end
      if util.date_before(y.start_date, x.start_date) then return false end
      if x.kind ~= y.kind then return x.kind < y.kind end
      return x.index < y.index
    end)
    if #events == 0 then
      report.note("No events match" .. (p.kind and (": kind " .. p.kind) or ": the corpus has no events") .. ".")
      return
    end

    -- A document's source: its outlet, or the document itself when the outlet is unknown.
    local function source_of(doc)
      if doc.source ~= nil and doc.source ~= "" then return doc.source end
      return "[" .. doc.index .. "] " .. (doc.title or doc.path)
    end

    -- Per event: its documents and sources. Per document: how many events of each kind it reports.
    local per_doc = {}
    for _, doc in ipairs(documents) do per_doc[doc.index] = { events = 0, visits = 0, kinds = {} } end
    local entries = {}
    for _, e in ipairs(events) do
      local docs = util.documents_of(e.mentions)
      local sources, doc_refs = {}, {}
      for _, doc in ipairs(docs) do
        sources[source_of(doc)] = true
        doc_refs[#doc_refs + 1] = "[" .. doc.index .. "]"
        local counts = per_doc[doc.index]
        if counts then
          counts.events = counts.events + 1
          if e.kind == "visit" then counts.visits = counts.visits + 1 end
          util.bump(counts.kinds, e.kind)
        end
      end
      entries[#entries + 1] = {
        order = #entries + 1,
        event = e,
        date = util.date_span(e.start_date, e.end_date),
        what = util.describe_event(e, country_name),
        documents = #docs,
        doc_refs = util.join(doc_refs, " "),
        sources = util.sorted_keys(sources),
      }
    end

    -- 1. Per document: how much each article reports.
    report.heading("Per article", 2)
    local doc_rows = {}
    local kind_set = {}
    for _, e in ipairs(events) do kind_set[e.kind] = true end
    local kinds = util.sorted_keys(kind_set)
    local categories, values = {}, {}
    for _, doc in ipairs(documents) do
      local counts = per_doc[doc.index]
      local kind_text = {}
      for _, kind in ipairs(kinds) do
        if counts.kinds[kind] then
          kind_text[#kind_text + 1] = ("%s %d"):format((kind:gsub("_", " ")), counts.kinds[kind])
        end
      end
      doc_rows[#doc_rows + 1] = {
        index = doc.index,
        document = doc.title or doc.path,
        source = util.source_name(doc),
        date = util.iso(doc.date),
        events = counts.events,
        visits = counts.visits,
        kinds = #kind_text > 0 and util.join(kind_text) or nil,
      }
      categories[#categories + 1] = ("%d %s"):format(doc.index, util.source_name(doc))
      values[#values + 1] = counts.events
    end
    report.table{
      title = "Events reported per article",
      columns = {
        { key = "index", title = "#", type = "integer" },
        { key = "document", title = "Article" },
        { key = "source", title = "Source" },
        { key = "date", title = "Date" },
        { key = "events", title = "Events", type = "integer" },
        { key = "visits", title = "Visits", type = "integer" },
        { key = "kinds", title = "By kind" },
      },
      rows = doc_rows,
    }
    report.chart{
      type = "bar",
      title = "Events reported per article",
      x_label = "Article (# and source)",
      y_label = "Events",
      categories = categories,
      series = { { name = "Events", values = values } },
    }

    -- 2. Per event: which articles report it.
    report.heading("Per event", 2)
    local event_rows = {}
    for _, x in ipairs(entries) do
      event_rows[#event_rows + 1] = {
        date = x.date,
        event = x.what,
        status = x.event.status,
        documents = x.doc_refs,
        sources = #x.sources,
      }
    end
    report.table{
      title = "Articles reporting each event (article numbers as in the table above)",
      columns = {
        { key = "date", title = "Date" },
        { key = "event", title = "Event" },
        { key = "status", title = "Status" },
        { key = "documents", title = "Articles" },
        { key = "sources", title = "Sources", type = "integer" },
      },
      rows = event_rows,
    }

    -- 3. Events reported by several sources, most widely reported first.
    report.heading(("Events reported by %d or more sources"):format(min_sources), 2)
    local wide = {}
    for _, x in ipairs(entries) do
      if #x.sources >= min_sources then wide[#wide + 1] = x end
    end
    -- Most sources first, then in date order (the order of `entries`).
    util.sort_by(wide, { function(x) return #x.sources end, desc = true }, function(x) return x.order end)
    if #wide == 0 then
      report.note(("No events match: none is reported by %d or more sources."):format(min_sources))
    else
      local rows = {}
      for _, x in ipairs(wide) do
        rows[#rows + 1] = { date = x.date, event = x.what, count = #x.sources, sources = util.join(x.sources, "; ") }
      end
      report.table{
        title = "Widely reported events",
        columns = {
          { key = "date", title = "Date" },
          { key = "event", title = "Event" },
          { key = "count", title = "Sources", type = "integer" },
          { key = "sources", title = "Reported by" },
        },
        rows = rows,
      }
    end
    local single = 0
    for _, x in ipairs(entries) do if #x.sources == 1 then single = single + 1 end end
    report.paragraph(("%d of %s %s on a single source."):format(
      single, util.plural(#entries, "event"), single == 1 and "rests" or "rest"))
  end,
}
