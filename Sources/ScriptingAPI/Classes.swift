import CorpusModel
import LuaBridge

// The classes of the Lua API, declared once: the registry registers them, the generators document them.

enum Classes {
    static let date = APIHandleClass(tag: Handle.date, "Date", doc: "A calendar date that may be partial: a year, a month or a day.")
        .property("year", .integer, "The year.") { _, i, stack in stack.push(Handle.date(i).year) }
        .property("month", .optional(.integer), "The month (1-12), or nil for a year.") { _, i, stack in stack.push(Handle.date(i).month) }
        .property("day", .optional(.integer), "The day of the month, or nil.") { _, i, stack in stack.push(Handle.date(i).day) }
        .property("granularity", .string, "\"year\", \"month\" or \"day\".") { _, i, stack in
            stack.push(Handle.date(i).granularity.rawValue)
        }
        .property("decade", .integer, "The decade, e.g. 1950 for 1957.") { _, i, stack in stack.push(Handle.date(i).decade) }
        .property("iso", .string, "The ISO text: \"1957\", \"1961-06\", \"2025-10-09\".") { _, i, stack in stack.push(Handle.date(i).iso) }
        .tostring("`tostring(d)` is the ISO text.") { _, i in Handle.date(i).iso }
        .ordered("Dates compare with `==`, `<` and `<=` (a coarser date sorts first).") { _, a, b in Handle.date(a) < Handle.date(b) }

    static let visit = APIHandleClass(tag: Handle.visit, "Visit", doc: "A high-level visit: one event, however many articles report it.")
        .property("id", .string, "Its stable id, derived from its content (\"v-to-lam-PRK-2025-10-09-3fa2c1\"; docs/corrections.md): the `id` of `dossier export` and the one corrections name.") { c, i, stack in
            stack.push(c.shared.corpus.visitIDs[i])
        }
        .property("index", .integer, "Its position among the corpus's visits (1-based), the export's `index`.") { _, i, stack in stack.push(i + 1) }
        .property("visitor", .named("Entity"), "The person who travelled.") { c, i, stack in
            stack.push(entity: c.shared.corpus.visits[i].visitor)
        }
        .property("visitor_name", .string, "The visitor's name.") { c, i, stack in
            stack.push(c.shared.corpus.entities[c.shared.corpus.visits[i].visitor].name)
        }
        .property("visitor_country", .optional(.string), "The visitor's country, ISO 3166 alpha-3 (\"VNM\").") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].visitorCountry)
        }
        .property("destination", .string, "The host country, ISO 3166 alpha-3 (\"PRK\").") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].destination)
        }
        .property("destination_name", .string, "The host country's name.") { c, i, stack in
            let code = c.shared.corpus.visits[i].destination
            stack.push(c.shared.corpus.gazetteer.country(code)?.name ?? code)
        }
        .property("city", .optional(.named("Entity")), "The city visited, when the articles name it.") { c, i, stack in
            stack.push(entity: c.shared.corpus.visits[i].city)
        }
        .property("host", .optional(.named("Entity")), "The person who received the visitor (\"welcomed by\", \"held talks with\", \"hội đàm với\"), when the articles say; the one most reports name.") { c, i, stack in
            stack.push(entity: c.shared.corpus.visits[i].host)
        }
        .property("hosts", .array(.named("Entity")), "Every person the reports name as receiving the visitor, `host` first; empty when none.") { c, i, stack in
            let hosts = c.shared.corpus.visits[i].hosts
            stack.newTable(arrayCount: hosts.count)
            for (position, entity) in hosts.enumerated() {
                stack.push(entity: entity)
                stack.setItem(position + 1)
            }
        }
        .property("start_date", .optional(.named("Date")), "When the visit began (as precise as the articles say).") { c, i, stack in
            stack.push(date: c.shared.corpus.visits[i].start)
        }
        .property("end_date", .optional(.named("Date")), "When it ended, when known.") { c, i, stack in
            stack.push(date: c.shared.corpus.visits[i].end)
        }
        .property("year", .optional(.integer), "The year it began.") { c, i, stack in stack.push(c.visits[i].start?.year) }
        .property("decade", .optional(.integer), "The decade it began in (1950 for 1957).") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].start?.decade)
        }
        .property("kind", .string, "\"state\", \"official\", \"working\" or \"unspecified\".") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].kind.rawValue)
        }
        .property("level", .string, "The visitor's level from the office held on the visit's date (see `dossier.levels`).") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].level.rawValue)
        }
        .property("status", .string, "\"occurred\", \"planned\" or \"negated\".") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].status.rawValue)
        }
        .property("confidence", .number, "How sure the model is that the visit is right, 0 to 1 (docs/corpus-model.md, 'The visit scorer').") { c, i, stack in
            stack.push(c.shared.corpus.visits[i].confidence)
        }
        .property("mentions", .array(.named("Mention")), "Where the articles report it.") { c, i, stack in
            try stack.push(mentions: c.shared.corpus.visits[i].mentions, of: c.shared.corpus)
        }
        .property("rules", .array(.string), "The ids of the rules that produced it (\"visit.travel-to\", \"date.after-place\"; see docs/corpus-model.md).") { c, i, stack in
            stack.push(strings: c.shared.corpus.visits[i].rules)
        }
        .property("corrections", .array(.string), "The analyst's corrections that changed it, one line each (\"amend start (corrections.yaml:4, by an)\"); empty when none.") { c, i, stack in
            stack.push(strings: (c.shared.corpus.corrections.visits[i] ?? []).map(\.summary))
        }
        .tostring("`tostring(v)` is a one-line summary; two visits are `==` when they are the same event.") { c, i in
            let visit = c.shared.corpus.visits[i]
            let name = c.shared.corpus.entities[visit.visitor].name
            let when = visit.start.map { " \($0.iso)" } ?? ""
            return "Visit(\(name) -> \(visit.destination)\(when), \(visit.kind.rawValue), \(visit.status.rawValue))"
        }

    static let event = APIHandleClass(tag: Handle.event, "Event", doc: "An event of any kind: a visit, a meeting or talks, the establishment of relations, an anniversary, an exchange of messages.")
        .property("id", .string, "Its stable id (a visit's is the visit's; docs/corrections.md), the `id` of `dossier export events`.") { c, i, stack in
            stack.push(c.shared.eventIDs[i])
        }
        .property("index", .integer, "Its position in the timeline (1-based), the export's `index`.") { _, i, stack in stack.push(i + 1) }
        .property("corrections", .array(.string), "The analyst's corrections that changed it, one line each; empty when none.") { c, i, stack in
            stack.push(strings: c.shared.eventCorrections[i].map(\.summary))
        }
        .property("kind", .string, "\"visit\", \"meeting\", \"relations_established\", \"anniversary\" or \"message_exchange\".") { c, i, stack in
            stack.push(c.shared.events[i].kind.rawValue)
        }
        .property("participants", .array(.named("Entity")), "The persons taking part.") { c, i, stack in
            let participants = c.shared.events[i].participants
            stack.newTable(arrayCount: participants.count)
            for (position, entity) in participants.enumerated() {
                stack.push(entity: entity)
                stack.setItem(position + 1)
            }
        }
        .property("countries", .array(.string), "The countries involved, ISO 3166 alpha-3.") { c, i, stack in
            stack.push(strings: c.shared.events[i].countries)
        }
        .property("city", .optional(.named("Entity")), "Where it took place, when known.") { c, i, stack in
            stack.push(entity: c.shared.events[i].city)
        }
        .property("start_date", .optional(.named("Date")), "When it began.") { c, i, stack in stack.push(date: c.shared.events[i].start) }
        .property("end_date", .optional(.named("Date")), "When it ended, when known.") { c, i, stack in stack.push(date: c.shared.events[i].end) }
        .property("year", .optional(.integer), "The year it began.") { c, i, stack in stack.push(c.shared.events[i].start?.year) }
        .property("decade", .optional(.integer), "The decade it began in.") { c, i, stack in stack.push(c.shared.events[i].start?.decade) }
        .property("status", .string, "\"occurred\", \"planned\" or \"negated\".") { c, i, stack in
            stack.push(c.shared.events[i].status.rawValue)
        }
        .property("confidence", .number, "How sure the model is, 0 to 1: a visit's is the visit's; other events 0.5 a reporting sentence, combined.") { c, i, stack in
            stack.push(c.shared.events[i].confidence)
        }
        .property("ordinal", .optional(.integer), "For an anniversary, which one (75 for a 75th).") { c, i, stack in
            stack.push(c.shared.events[i].ordinal)
        }
        .property("label", .optional(.string), "What the anniversary or milestone is of, in the article's words.") { c, i, stack in
            stack.push(c.shared.events[i].label)
        }
        .property("visit", .optional(.named("Visit")), "For a visit, the visit itself.") { c, i, stack in
            if let visit = c.shared.events[i].visit { stack.push(handle: Handle.visit, visit) } else { stack.pushNil() }
        }
        .property("mentions", .array(.named("Mention")), "Where the articles report it.") { c, i, stack in
            try stack.push(mentions: c.shared.events[i].mentions, of: c.shared.corpus)
        }
        .property("rules", .array(.string), "The ids of the rules that produced it (see docs/corpus-model.md).") { c, i, stack in
            stack.push(strings: c.shared.events[i].rules)
        }
        .tostring("`tostring(e)` is a one-line summary.") { c, i in
            let event = c.shared.events[i]
            return "Event(\(event.kind.rawValue) \(event.countries.joined(separator: "-"))\(event.start.map { " \($0.iso)" } ?? ""))"
        }

    static let entity = APIHandleClass(tag: Handle.entity, "Entity", doc: "A person, country, city or organisation, with every name it goes by.")
        .property("id", .string, "A stable id: a slug for persons (\"to-lam\"), ISO alpha-3 for countries.") { c, i, stack in
            stack.push(c.shared.corpus.entities[i].id)
        }
        .property("name", .string, "The display name, with diacritics (\"Tô Lâm\").") { c, i, stack in stack.push(c.shared.corpus.entities[i].name) }
        .property("kind", .string, "\"person\", \"country\", \"city\", \"region\" or \"organisation\".") { c, i, stack in
            stack.push(c.shared.corpus.entities[i].kind.rawValue)
        }
        .property("names", .array(.string), "The name and every alias.") { c, i, stack in
            let entity = c.shared.corpus.entities[i]
            stack.push(strings: [entity.name] + entity.aliases)
        }
        .property("country", .optional(.string), "The country it belongs to, ISO alpha-3.") { c, i, stack in
            stack.push(c.shared.corpus.entities[i].country)
        }
        .property("mention_count", .integer, "How many times the articles mention it (0 for a gazetteer entry no article names).") { c, i, stack in
            stack.push(c.shared.entityMentionCounts[i])
        }
        .property("mentions", .array(.named("EntityMention")), "Where the articles name it, document by document, with offsets (computed when read: it scans every document).") { c, i, stack in
            try EntityMentions.push(entity: i, corpus: c.shared.corpus, onto: stack)
        }
        .property("offices", .array(.named("Office")), "A person's offices over time.") { c, i, stack in
            let offices = c.shared.corpus.entities[i].offices
            stack.newTable(arrayCount: offices.count)
            for (position, office) in offices.enumerated() {
                push(office, onto: stack)
                stack.setItem(position + 1)
            }
        }
        .method("office_at", doc: "The highest-ranked office the person held on a date, or nil.",
                parameters: [APIParameter("date", .union([.named("Date"), .string, .integer]), "A Date, an ISO date or a year.")],
                returns: [APIReturn(.optional(.named("Office")), "The office, or nil.")]) { c, i, arguments in
            guard let date = try arguments.date(2) else {
                throw arguments.badArgument(2, "a Date or an ISO date expected, got nil")
            }
            if let office = c.shared.corpus.entities[i].office(at: date) { push(office, onto: arguments.stack) } else { arguments.pushNil() }
            return 1
        }
        .tostring("`tostring(e)` is the name; two entities are `==` when they are the same.") { c, i in c.shared.corpus.entities[i].name }

    static let document = APIHandleClass(tag: Handle.document, "Document", doc: "An article of the corpus.")
        .property("id", .string, "Its stable id: the file name and the start of its text's hash (\"kcna-2019.txt@5e0c7a12\").") { c, i, stack in
            stack.push(StableID.document(c.shared.corpus.documents[i]))
        }
        .property("index", .integer, "Its position in the corpus (1-based).") { _, i, stack in stack.push(i + 1) }
        .property("path", .string, "Its file, relative to the corpus folder.") { c, i, stack in stack.push(c.shared.corpus.documents[i].name) }
        .property("title", .optional(.string), "The headline.") { c, i, stack in stack.push(c.shared.corpus.documents[i].title) }
        .property("date", .optional(.named("Date")), "The publication date.") { c, i, stack in stack.push(date: c.shared.corpus.documents[i].date) }
        .property("anchor_date", .optional(.named("Date")), "An archive text's event date (\"From the archive: 27 June 1963\"), from which its relative dates are read; nil for other texts.") { c, i, stack in
            stack.push(date: c.shared.corpus.documents[i].anchorDate)
        }
        .property("source", .optional(.string), "The publisher (\"VNS\", \"Dtinews\").") { c, i, stack in
            stack.push(c.shared.corpus.documents[i].source)
        }
        .property("language", .string, "ISO 639-1 code: \"en\", \"vi\" (the languages the rules read) or another one identified (\"es\", \"zh\"); \"und\" (undetermined) for a text mostly in a script Dossier does not know.") { c, i, stack in stack.push(c.shared.corpus.documents[i].language.code) }
        .property("place", .optional(.string), "The dateline place.") { c, i, stack in stack.push(c.shared.corpus.documents[i].place) }
        .property("url", .optional(.string), "Its address, from the manifest.") { c, i, stack in stack.push(c.shared.corpus.documents[i].url) }
        .property("text", .string, "The whole text (NFC).") { c, i, stack in stack.push(c.shared.corpus.documents[i].text) }
        .property("paragraphs", .array(.string), "The paragraphs' text.") { c, i, stack in
            let document = c.shared.corpus.documents[i]
            stack.push(strings: document.slices(document.paragraphs.map(\.range)))
        }
        .property("paragraph_count", .integer, "How many paragraphs it has (`#d.paragraphs` without making their strings).") { c, i, stack in
            stack.push(c.shared.corpus.documents[i].paragraphs.count)
        }
        .property("mentions", .array(.named("EntityMention")), "The persons, countries, cities and organisations it names, in text order, with their offsets.") { c, i, stack in
            try EntityMentions.push(document: i, corpus: c.shared.corpus, onto: stack)
        }
        .property("sentences", .array(.string), "The sentences' text.") { c, i, stack in
            let document = c.shared.corpus.documents[i]
            stack.push(strings: document.slices(document.sentences.map(\.range)))
        }
        .property("sentence_count", .integer, "How many sentences it has (`#d.sentences` without making their strings).") { c, i, stack in
            stack.push(c.shared.corpus.documents[i].sentences.count)
        }
        .tostring("`tostring(d)` is its title or path.") { c, i in
            c.shared.corpus.documents[i].title ?? c.shared.corpus.documents[i].name
        }

    /// An office as a plain table (documented as the `Office` shape).
    static func push(_ office: Office, onto stack: LuaStack) {
        stack.newTable(recordCount: 6)
        stack.push(office.title)
        stack.setField("title")
        stack.push(office.level.rawValue)
        stack.setField("level")
        if let country = office.country { stack.push(country); stack.setField("country") }
        if let organisation = office.organisation { stack.push(organisation); stack.setField("organisation") }
        if let start = office.start { stack.push(date: start); stack.setField("start_date") }
        if let end = office.end { stack.push(date: end); stack.setField("end_date") }
    }

    /// Table shapes that are not classes, for the docs and stubs.
    static let shapes: [(name: String, doc: String, fields: [APIParameter])] = [
        ("Office", "An office a person held (a plain table).", [
            APIParameter("title", .string, "The office's title."),
            APIParameter("level", .string, "Its level (see `dossier.levels`)."),
            APIParameter("country", .optional(.string), "The country, ISO alpha-3."),
            APIParameter("organisation", .optional(.string), "The party, ministry or body, by id."),
            APIParameter("start_date", .optional(.named("Date")), "When it began."),
            APIParameter("end_date", .optional(.named("Date")), "When it ended; nil while held."),
        ]),
        ("Mention", "Where an article reports an event, with what that sentence alone says of it (a plain table). A visit merges its mentions: a visit planned in one article and carried out in a later one has a `planned` and an `occurred` mention.", [
            APIParameter("document", .named("Document"), "The article."),
            APIParameter("sentence", .integer, "The sentence's number in the article (1-based)."),
            APIParameter("text", .string, "The sentence's text."),
            APIParameter("status", .optional(.string), "The status as this sentence states it: `occurred`, `planned` or `negated`."),
            APIParameter("date", .optional(.named("Date")), "The date as this sentence states it (nil when it gives none)."),
            APIParameter("date_text", .optional(.string), "That date as written (\"May\", \"12 March 2019\", \"last week\")."),
            APIParameter("rules", .array(.string), "The ids of the rules that read this report (see docs/corpus-model.md)."),
            APIParameter("visitor_span", .optional(.named("Span")), "Where the visitor is named (a participant, for a meeting's visit); nil for a pronoun or a title alone, and for other events."),
            APIParameter("destination_span", .optional(.named("Span")), "Where the destination is named (a country or a city); nil when the sentence names none."),
            APIParameter("date_span", .optional(.named("Span")), "Where the date is written."),
        ]),
        ("Span", "A piece of a document's text (a plain table). Offsets are 1-based and inclusive, as `string.sub` takes them: `d.text:sub(s.byte_start, s.byte_end) == s.text`; byte offsets index the UTF-8 string as Lua does, character offsets count UTF-8 characters (code points, as `utf8.len` and `utf8.offset` do).", [
            APIParameter("text", .string, "The words as written."),
            APIParameter("byte_start", .integer, "First byte in the document's text."),
            APIParameter("byte_end", .integer, "Last byte in the document's text."),
            APIParameter("char_start", .integer, "First character in the document's text."),
            APIParameter("char_end", .integer, "Last character in the document's text."),
        ]),
        ("EntityMention", "Where a document names an entity (a plain table). Offsets are 1-based and inclusive, as `string.sub` takes them: `d.text:sub(m.byte_start, m.byte_end) == m.text`; character offsets count UTF-8 characters (`utf8.offset`).", [
            APIParameter("entity", .named("Entity"), "What it names."),
            APIParameter("document", .named("Document"), "The article."),
            APIParameter("sentence", .integer, "The sentence's number in the document (1-based)."),
            APIParameter("text", .string, "The words as written."),
            APIParameter("role", .string, "How the name was found (a gazetteer name, a title, a short reference...)."),
            APIParameter("byte_start", .integer, "First byte of the name in the document's text."),
            APIParameter("byte_end", .integer, "Last byte of the name in the document's text."),
            APIParameter("char_start", .integer, "First character of the name in the document's text."),
            APIParameter("char_end", .integer, "Last character of the name in the document's text."),
            APIParameter("sentence_byte_start", .integer, "First byte of the name in its sentence's text."),
            APIParameter("sentence_byte_end", .integer, "Last byte of the name in its sentence's text."),
        ]),
        ("Hit", "A sentence found by `corpus.search` (a plain table).", [
            APIParameter("document", .named("Document"), "The article."),
            APIParameter("sentence", .integer, "The sentence's number in the article (1-based)."),
            APIParameter("text", .string, "The sentence's text."),
        ]),
        ("VisitFilter", "The filter of `corpus.visits` (every field optional).", VisitFilter.fieldDocs),
        ("EventFilter", "The filter of `corpus.events` (every field optional).", EventFilter.fieldDocs),
    ]
}
