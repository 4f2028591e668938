import CorpusModel
import LuaBridge
import Reports

// The global modules of the Lua API, declared once.

enum Modules {
    static let dossier = APIModule(
        name: "dossier",
        doc: "About Dossier itself.",
        fields: [
            APIField("version", .string, doc: "Dossier's version.") { _ in .string(DossierAPI.dossierVersion) },
            APIField("api_version", .string, doc: "The version of this API; plugins may check it.") { _ in .string(DossierAPI.version) },
            APIField("today", .named("Date"), doc: "Today's date, or the date in the DOSSIER_TODAY environment variable (ISO), so runs and tests can be reproduced.") { context in
                context.state.value(LuaHandleValue(tag: Handle.date, index: Handle.index(of: DossierAPI.today)))
            },
            APIField("levels", .array(.string), doc: "The levels of office, highest first: head_of_party, head_of_state, head_of_government, legislature_head (together \"high\"), deputy_head_of_state, deputy_head_of_government, minister, other.") { context in
                context.state.value(Level.allCases.map(\.rawValue))
            },
        ],
        functions: [])

    static let dates = APIModule(
        name: "dates",
        doc: "Partial dates: a year, a month or a day.",
        fields: [],
        functions: [
            APIFunction("parse", doc: "Reads an ISO partial date.",
                        parameters: [APIParameter("text", .string, "\"1957\", \"1961-06\" or \"2025-10-09\".")],
                        returns: [APIReturn(.optional(.named("Date")), "The date, or nil when the text is not one.")]) { _, arguments in
                let text = try arguments.string(1)
                arguments.stack.push(date: PartialDate(iso: text))
                return 1
            },
        ])

    static let corpus = APIModule(
        name: "corpus",
        doc: "The corpus model: documents, entities, visits and other events, each with the sentences that report it.",
        fields: [
            APIField("hash", .string, doc: "A hash of the corpus content, recorded in reports so they can be reproduced.") { .string($0.shared.hash) },
            APIField("document_count", .integer, doc: "How many documents.") { .integer(Int64($0.shared.corpus.documents.count)) },
            APIField("entity_count", .integer, doc: "How many entities.") { .integer(Int64($0.shared.corpus.entities.count)) },
            APIField("visit_count", .integer, doc: "How many visits (merged events, not mentions).") { .integer(Int64($0.shared.corpus.visits.count)) },
            APIField("event_count", .integer, doc: "How many events of every kind, visits included.") { .integer(Int64($0.shared.eventCount)) },
        ],
        functions: [
            APIFunction("visits", doc: "The visits that match a filter, as a query.",
                        parameters: [APIParameter("filter", .optional(.named("VisitFilter")), "What to keep; every field optional.")],
                        returns: [APIReturn(.named("Query"), "The matching visits, in corpus order.")],
                        details: "Example: `corpus.visits{to = \"PRK\", min_level = \"high\", status = \"occurred\"}:count_by(\"decade\")`.") { context, arguments in
                try arguments.push(object: QueryObject(context.shared, .visits, VisitFilter.select(arguments, context: context)))
                return 1
            },
            APIFunction("events", doc: "The events of every kind (visits included) that match a filter, as a query.",
                        parameters: [APIParameter("filter", .optional(.named("EventFilter")), "What to keep; every field optional.")],
                        returns: [APIReturn(.named("Query"), "The matching events, in corpus order.")]) { context, arguments in
                try arguments.push(object: QueryObject(context.shared, .events, EventFilter.select(arguments, context: context)))
                return 1
            },
            APIFunction("documents", doc: "Every document, in corpus order.",
                        returns: [APIReturn(.array(.named("Document")), "The documents.")]) { context, arguments in
                let stack = arguments.stack
                stack.newTable(arrayCount: context.shared.corpus.documents.count)
                for index in context.shared.corpus.documents.indices {
                    stack.push(document: index)
                    stack.setItem(index + 1)
                }
                return 1
            },
            APIFunction("document", doc: "A document by its position.",
                        parameters: [APIParameter("index", .integer, "1-based.")],
                        returns: [APIReturn(.optional(.named("Document")), "The document, or nil.")]) { context, arguments in
                let position = Int(try arguments.integer(1))
                if position >= 1, position <= context.shared.corpus.documents.count {
                    arguments.stack.push(document: position - 1)
                } else {
                    arguments.pushNil()
                }
                return 1
            },
            APIFunction("entities", doc: "Every entity, or those of one kind.",
                        parameters: [APIParameter("filter", .optional(.table), "`{kind = \"person\"|\"country\"|\"city\"|\"region\"|\"organisation\", mentioned = true}`: `mentioned` keeps those the articles name (the gazetteer holds many more).")],
                        returns: [APIReturn(.array(.named("Entity")), "The entities.")]) { context, arguments in
                let filter = try FilterReader(arguments, at: 1, function: "corpus.entities", keys: ["kind", "mentioned"])
                let kind = try filter.choice("kind", among: EntityKind.allCases.map(\.rawValue))
                let mentioned = filter.values["mentioned"]?.isTruthy ?? false
                let stack = arguments.stack
                let entities = context.shared.corpus.entities
                let counts = context.shared.entityMentionCounts
                let selected = entities.indices.filter {
                    (kind == nil || entities[$0].kind.rawValue == kind) && (!mentioned || counts[$0] > 0)
                }
                stack.newTable(arrayCount: selected.count)
                for (position, index) in selected.enumerated() {
                    stack.push(entity: index)
                    stack.setItem(position + 1)
                }
                return 1
            },
            APIFunction("entity", doc: "The entity with this name, alias, id or code; case, diacritics and hyphens do not matter (\"to lam\", \"Kim Jong-un\", \"DPRK\").",
                        parameters: [APIParameter("name", .string, "Any of its names.")],
                        returns: [APIReturn(.optional(.named("Entity")), "The entity, or nil.")]) { context, arguments in
                let name = try arguments.string(1)
                let corpus = context.shared.corpus
                let index = corpus.entityIndex(id: name) ?? corpus.entityIndex(id: name.uppercased()).flatMap {
                    corpus.entities[$0].kind == .country ? $0 : nil
                } ?? corpus.entities(named: name).first
                arguments.stack.push(entity: index)
                return 1
            },
            APIFunction("country", doc: "A country by ISO alpha-3 code or any name (\"PRK\", \"North Korea\", \"Triều Tiên\").",
                        parameters: [APIParameter("name", .string, "A code or a name.")],
                        returns: [APIReturn(.optional(.named("Entity")), "The country, or nil.")]) { context, arguments in
                let corpus = context.shared.corpus
                let code = CountryNames.code(for: try arguments.string(1), in: corpus)
                arguments.stack.push(entity: code.flatMap { corpus.entityIndex(id: $0) })
                return 1
            },
            APIFunction("search", doc: "The sentences that contain some words, ignoring case, diacritics and hyphens.",
                        parameters: [APIParameter("text", .string, "The words to find, in order.")],
                        returns: [APIReturn(.array(.named("Hit")), "Where they occur.")]) { context, arguments in
                let hits = context.shared.corpus.search(try arguments.string(1))
                let stack = arguments.stack
                try stack.reserve(6)
                stack.newTable(arrayCount: hits.count)
                for (position, hit) in hits.enumerated() {
                    stack.newTable(recordCount: 3)
                    stack.push(document: hit.document)
                    stack.setField("document")
                    stack.push(hit.sentence + 1)
                    stack.setField("sentence")
                    stack.push(context.shared.corpus.documents[hit.document].sentenceText(hit.sentence))
                    stack.setField("text")
                    stack.setItem(position + 1)
                }
                return 1
            },
        ])

    static let report = APIModule(
        name: "report",
        doc: "What the script reports. Plugins produce data (headings, tables, charts); Dossier renders it as text, Markdown, CSV, JSON or HTML.",
        fields: [],
        functions: [
            APIFunction("title", doc: "Sets the report's title (it defaults to the plugin's title).",
                        parameters: [APIParameter("text", .string, "The title.")]) { context, arguments in
                try context.report.builder.setTitle(try ReportReader.kept(arguments.string(1), state: context.state))
                return 0
            },
            APIFunction("heading", doc: "A heading.",
                        parameters: [APIParameter("text", .string, "The heading."),
                                     APIParameter("level", .optional(.integer), "1 to 3; 2 by default.")]) { context, arguments in
                try context.report.builder.heading(try ReportReader.kept(arguments.string(1), state: context.state), level: Int(try arguments.get(2, default: Int64(2))))
                return 0
            },
            APIFunction("paragraph", doc: "A paragraph of text.",
                        parameters: [APIParameter("text", .string, "The text.")]) { context, arguments in
                try context.report.builder.paragraph(try ReportReader.kept(arguments.string(1), state: context.state))
                return 0
            },
            APIFunction("list", doc: "A bulleted or numbered list.",
                        parameters: [APIParameter("items", .array(.any), "The items (converted with tostring)."),
                                     APIParameter("options", .optional(.table), "`{ordered = true}` for a numbered list.")]) { context, arguments in
                let items = try ReportReader.texts(arguments, at: 1, state: context.state, what: "report.list: items")
                var ordered = false
                if arguments.stack.type(at: 2) == LuaType.table {
                    try Strictness.checkKeys(of: arguments.stack, at: 2, known: ReportReader.listKeys, what: "report.list")
                    arguments.stack.rawField("ordered", of: 2)
                    ordered = arguments.stack.isTruthy(at: -1)
                    arguments.stack.pop()
                }
                try context.report.builder.list(items, ordered: ordered)
                return 0
            },
            APIFunction("table", doc: "A table.",
                        parameters: [APIParameter("spec", .table, "`{title = ?, columns = {...}, rows = {...}, evidence = ?}`.")],
                        details: "Columns are names (`\"decade\"`) or tables `{key = \"decade\", title = \"Decade\", type = \"text\"|\"integer\"|\"number\"}`. Rows are arrays in column order, or tables keyed by column key. Numbers, strings and nil go in as they are; other values through `tostring`. Evidence, the visits or events behind a row, is given per row as a row field (`{decade = \"1950s\", visits = 2, evidence = visits}`) or as `evidence = {...}` with one entry per row; an entry is a Visit or Event, an array of them or a query. HTML shows it as an expandable list of the sentences that report each item (names highlighted), Markdown as footnotes, JSON as ids (the items are in the report's `evidence`). A row carries at most 25 items, each named once: the most confident, then the earliest; when it stands for more, the report records its total (`evidenceTotals`) and says \"25 of 12,345 source items shown\".") { context, arguments in
                let (title, columns, rows, evidence) = try ReportReader.table(arguments, context: context)
                try context.report.builder.table(title: title, columns: columns, rows: rows, evidence: evidence?.ids,
                                                totals: evidence?.totalsWhenCapped)
                return 0
            },
            APIFunction("chart", doc: "A bar or line chart.",
                        parameters: [APIParameter("spec", .table, "`{type = \"bar\"|\"line\", title = ?, x_label = ?, y_label = ?, categories = {...}, series = {{name =, values = {...}, evidence = ?}}, stacked = ?}`.")],
                        details: "One value per category; a single series may be given as `values = {...}` directly. Missing values (nil) are gaps. Several series are grouped side by side, or stacked on one bar per category with `stacked = true`. A line over categories that are all years places them by year. A series' `evidence` gives, per category, the visits or events behind the value (as for `report.table`).") { context, arguments in
                let chart = try ReportReader.chart(arguments, context: context)
                try context.report.builder.chart(chart)
                return 0
            },
            APIFunction("note", doc: "A note set apart from the text.",
                        parameters: [APIParameter("text", .string, "The note."),
                                     APIParameter("kind", .optional(.string), "\"info\" (default) or \"warning\".")]) { context, arguments in
                try context.report.builder.note(try ReportReader.kept(arguments.string(1), state: context.state), kind: try arguments.get(2, default: "info"))
                return 0
            },
        ])
}
