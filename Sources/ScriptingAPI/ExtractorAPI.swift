import CorpusModel
import LuaBridge

// How an extractor plugin (`kind = "extractor"`, docs/extractors.md) sees a sentence and its visit candidates,
// declared once: the registry registers these classes, the generators document them.

public enum ExtractorAPI {
    static let sentence = APIClass<ExtractorSentence>("Sentence", doc: "A sentence under review by an extractor plugin, with its document. Offsets are 1-based and inclusive, in the sentence's text: `s.text:sub(t.byte_start, t.byte_end) == t.text`. Every read of `tokens`, `mentions` and `times` builds a new table: keep it in a local.")
        .property("index", .integer, "The sentence's number in the document (1-based).") { s, stack in stack.push(s.index + 1) }
        .property("text", .string, "The sentence's text.") { s, stack in stack.push(s.sentence.text) }
        .property("tokens", .array(.named("Token")), "Its tokens (words, numbers, punctuation) as the rules split them.") { s, stack in
            try pushTokens(s, onto: stack)
        }
        .property("mentions", .array(.named("SentenceMention")), "The persons, places and organisations it names.") { s, stack in
            try pushMentions(s, onto: stack)
        }
        .property("times", .array(.named("TimeMention")), "The dates and periods it gives.") { s, stack in
            try pushTimes(s, onto: stack)
        }
        .property("document", .named("DocumentInfo"), "The article the sentence is in.") { s, stack in
            try pushDocument(s.document, onto: stack)
        }

    static let candidate = APIClass<ExtractorCandidate>("Candidate", doc: "A visit candidate of a sentence: made by the rules, or added by `candidates:add`. Set `visitor`, `destination`, `start_date`, `end_date`, `kind`, `status` and `confidence` by assignment (`c.status = \"planned\"`); a value that does not fit is an error, and so is an unknown field. A candidate changed or added carries `plugin:<name>` among its rules in the model.")
        .property("visitor", .string, "The visitor's name. Set it to the name or gazetteer id of a person named in the document.") { c, stack in
            stack.push(c.value.visitor.name)
        }
        .property("visitor_id", .optional(.string), "The visitor's gazetteer id; nil for a person discovered in the text.") { c, stack in
            stack.push(c.value.visitor.id)
        }
        .property("visitor_country", .optional(.string), "The visitor's country, ISO 3166 alpha-3 (follows the visitor).") { c, stack in
            stack.push(c.value.visitor.country)
        }
        .property("destination", .string, "The host country, ISO 3166 alpha-3. Set it to a code or a country's name.") { c, stack in
            stack.push(c.value.destination)
        }
        .property("start_date", .optional(.string), "When the visit began, ISO (\"2019\", \"2019-02\", \"2019-02-26\"), or nil.") { c, stack in
            stack.push(c.value.start?.iso)
        }
        .property("end_date", .optional(.string), "When it ended, ISO, or nil.") { c, stack in stack.push(c.value.end?.iso) }
        .property("kind", .string, "\"state\", \"official\", \"working\" or \"unspecified\".") { c, stack in stack.push(c.value.kind.rawValue) }
        .property("status", .string, "\"occurred\", \"planned\" or \"negated\".") { c, stack in stack.push(c.value.status.rawValue) }
        .property("confidence", .number, "The scorer's probability that it is a right visit, 0 to 1 (0.5 for one a plugin adds).") { c, stack in
            stack.push(Double(c.value.confidence))
        }
        .property("rules", .array(.string), "The ids of the rules that made it (empty for one a plugin adds).") { c, stack in
            stack.push(strings: c.value.rules)
        }
        .property("added", .boolean, "Whether this plugin added it.") { c, stack in stack.push(c.isAdded) }
        .property("vetoed", .boolean, "Whether this plugin vetoed it.") { c, stack in stack.push(c.isVetoed) }
        .method("veto", doc: "Removes the candidate from the model: it will not count towards any visit.",
                parameters: [APIParameter("reason", .optional(.string), "Why, for the reader of the plugin.")]) { _, c, arguments in
            c.veto(arguments.stack.string(at: 2))
            return 0
        }
        .operation("`c.field = value` sets a field (see above); other fields are read-only.") { cls, _ in
            cls.metamethod("__newindex") { c, arguments in
                let field = arguments.stack.string(at: 2) ?? arguments.stack.value(at: 2).description
                try c.set(field, arguments.stack.value(at: 3))
                return 0
            }
        }
        .operation("`tostring(c)`: visitor, destination, start and status.") { cls, _ in
            cls.tostring { c in "Candidate(\(c.value.visitor.name) -> \(c.value.destination), \(c.value.start?.iso ?? "undated"), \(c.value.status.rawValue))" }
        }

    static let candidates = APIClass<ExtractorCandidateList>("Candidates", doc: "The visit candidates of the sentence under review: those the rules made, in order, then those added.")
        .method("add", doc: "Adds a visit the rules missed; returns it.",
                parameters: [APIParameter("fields", .table, "`visitor` and `destination` (required), `start_date`, `end_date`, `kind` (default \"unspecified\"), `status` (default \"occurred\"), `confidence` (default 0.5): as the Candidate's fields.")],
                returns: [APIReturn(.named("Candidate"), "The new candidate.")]) { _, list, arguments in
            try arguments.push(object: try list.add(arguments, at: 2))
            return 1
        }
        .operation("`#candidates` is their number.") { cls, _ in cls.length { $0.items.count } }
        .operation("`for c in candidates do ... end` steps through them (added ones included).") { cls, _ in
            cls.metamethod("__call") { list, arguments in
                let next: Int
                if let previous = arguments.stack.object(at: 3) as? ExtractorCandidate { next = previous.position + 1 } else { next = 0 }
                guard next < list.items.count else { arguments.pushNil(); return 1 }
                try arguments.push(object: list.items[next])
                return 1
            }
        }

    /// The members of a candidate, for messages.
    static var candidateMembers: [String] { candidate.propertyDocs.map(\.name) + candidate.methodDocs.map(\.name) }

    /// The table shapes an extractor sees, for the docs and stubs.
    static let shapes: [(name: String, doc: String, fields: [APIParameter])] = [
        ("Token", "A token of a sentence (a plain table).", [
            APIParameter("text", .string, "The token as written."),
            APIParameter("byte_start", .integer, "Its first byte in the sentence's text."),
            APIParameter("byte_end", .integer, "Its last byte in the sentence's text."),
        ]),
        ("SentenceMention", "An entity a sentence names (a plain table).", [
            APIParameter("text", .string, "The words as written."),
            APIParameter("kind", .string, "\"person\", \"country\", \"city\", \"region\" or \"organisation\"."),
            APIParameter("name", .string, "The entity's name."),
            APIParameter("id", .optional(.string), "Its gazetteer id; nil for a person discovered in the text."),
            APIParameter("country", .optional(.string), "A person's country, a place's own or the one it lies in (ISO alpha-3)."),
            APIParameter("role", .string, "How it was found (\"name\", \"demonym\", \"short\", \"titled\")."),
            APIParameter("byte_start", .integer, "Its first byte in the sentence's text."),
            APIParameter("byte_end", .integer, "Its last byte in the sentence's text."),
        ]),
        ("TimeMention", "A date or period a sentence gives (a plain table).", [
            APIParameter("text", .string, "The words as written."),
            APIParameter("start_date", .string, "ISO start (\"2019\", \"2019-02\", \"2019-02-26\")."),
            APIParameter("end_date", .optional(.string), "ISO end of a period, or nil."),
            APIParameter("relative", .boolean, "Read relative to the article's date (\"last week\")."),
            APIParameter("byte_start", .integer, "Its first byte in the sentence's text."),
            APIParameter("byte_end", .integer, "Its last byte in the sentence's text."),
        ]),
        ("DocumentInfo", "The article a sentence under review is in (a plain table).", [
            APIParameter("name", .string, "The file name."),
            APIParameter("title", .optional(.string), "The title, when the article has one."),
            APIParameter("date", .optional(.string), "The publication date, ISO, when known."),
            APIParameter("language", .string, "ISO 639-1 code (\"en\", \"vi\")."),
        ]),
    ]

    // MARK: Pushing the shapes

    /// Sentence-relative, 1-based inclusive offsets of a document byte range.
    private static func push(offsets range: Range<Int>, in s: ExtractorSentence, onto stack: LuaStack) {
        let base = s.sentence.range.lowerBound
        stack.push(range.lowerBound - base + 1)
        stack.setField("byte_start")
        stack.push(range.upperBound - base)
        stack.setField("byte_end")
    }

    static func pushTokens(_ s: ExtractorSentence, onto stack: LuaStack) throws {
        try stack.reserve(4)
        let tokens = s.sentence.tokens
        stack.newTable(arrayCount: tokens.count)
        for (i, t) in tokens.enumerated() {
            stack.newTable(recordCount: 3)
            stack.push(t.text)
            stack.setField("text")
            push(offsets: t.range, in: s, onto: stack)
            stack.setItem(i + 1)
        }
    }

    static func pushMentions(_ s: ExtractorSentence, onto stack: LuaStack) throws {
        try stack.reserve(4)
        let mentions = s.sentence.mentions
        stack.newTable(arrayCount: mentions.count)
        for (i, m) in mentions.enumerated() {
            stack.newTable(recordCount: 8)
            for (key, value) in [("text", m.text), ("kind", m.kind.rawValue), ("name", m.name), ("role", m.role.rawValue)] {
                stack.push(value)
                stack.setField(key)
            }
            stack.push(m.id)
            stack.setField("id")
            stack.push(m.country)
            stack.setField("country")
            push(offsets: m.range, in: s, onto: stack)
            stack.setItem(i + 1)
        }
    }

    static func pushTimes(_ s: ExtractorSentence, onto stack: LuaStack) throws {
        try stack.reserve(4)
        let times = s.sentence.times
        stack.newTable(arrayCount: times.count)
        for (i, t) in times.enumerated() {
            stack.newTable(recordCount: 6)
            stack.push(t.text)
            stack.setField("text")
            stack.push(t.start.iso)
            stack.setField("start_date")
            stack.push(t.end?.iso)
            stack.setField("end_date")
            stack.push(t.relative)
            stack.setField("relative")
            push(offsets: t.range, in: s, onto: stack)
            stack.setItem(i + 1)
        }
    }

    static func pushDocument(_ d: ReviewedDocument, onto stack: LuaStack) throws {
        try stack.reserve(3)
        stack.newTable(recordCount: 4)
        stack.push(d.name)
        stack.setField("name")
        stack.push(d.title)
        stack.setField("title")
        stack.push(d.date?.iso)
        stack.setField("date")
        stack.push(d.language)
        stack.setField("language")
    }
}
