import CorpusModel
import LuaBridge

// The classes of the Lua API, declared once: the registry registers them, the generators document them.

private func one(_ body: () throws -> Void) rethrows -> Int32 {
    try body()
    return 1
}

enum Classes {
    static let date = APIClass<DateObject>("Date", doc: "A calendar date that may be partial: a year, a month or a day.")
        .property("year", .integer, "The year.") { $1.push($0.date.year) }
        .property("month", .optional(.integer), "The month (1-12), or nil for a year.") { $1.push($0.date.month) }
        .property("day", .optional(.integer), "The day of the month, or nil.") { $1.push($0.date.day) }
        .property("granularity", .string, "\"year\", \"month\" or \"day\".") { $1.push($0.date.granularity.rawValue) }
        .property("decade", .integer, "The decade, e.g. 1950 for 1957.") { $1.push($0.date.decade) }
        .property("iso", .string, "The ISO text: \"1957\", \"1961-06\", \"2025-10-09\".") { $1.push($0.date.iso) }
        .operation("`tostring(d)` is the ISO text; dates compare with `==`, `<` and `<=` (a coarser date sorts first).") { cls, _ in
            cls.tostring { $0.date.iso }
            cls.equals { $0.date == $1.date }
            cls.lessThan { $0.date < $1.date }
            cls.lessOrEqual { $0.date <= $1.date }
        }

    static let visit = APIClass<VisitObject>("Visit", doc: "A high-level visit: one event, however many articles report it.")
        .property("id", .integer, "The visit's number in the corpus (1-based).") { $1.push($0.index + 1) }
        .property("visitor", .named("Entity"), "The person who travelled.") { try $1.push(entity: $0.visit.visitor, $0.shared) }
        .property("visitor_name", .string, "The visitor's name.") { object, stack in
            stack.push(object.shared.corpus.entities[object.visit.visitor].name)
        }
        .property("visitor_country", .optional(.string), "The visitor's country, ISO 3166 alpha-3 (\"VNM\").") {
            $1.push($0.visit.visitorCountry)
        }
        .property("destination", .string, "The host country, ISO 3166 alpha-3 (\"PRK\").") { $1.push($0.visit.destination) }
        .property("destination_name", .string, "The host country's name.") { object, stack in
            stack.push(object.shared.corpus.gazetteer.country(object.visit.destination)?.name ?? object.visit.destination)
        }
        .property("city", .optional(.named("Entity")), "The city visited, when the articles name it.") {
            try $1.push(entity: $0.visit.city, $0.shared)
        }
        .property("start_date", .optional(.named("Date")), "When the visit began (as precise as the articles say).") {
            try $1.push(date: $0.visit.start)
        }
        .property("end_date", .optional(.named("Date")), "When it ended, when known.") { try $1.push(date: $0.visit.end) }
        .property("year", .optional(.integer), "The year it began.") { $1.push($0.visit.year) }
        .property("decade", .optional(.integer), "The decade it began in (1950 for 1957).") { $1.push($0.visit.start?.decade) }
        .property("kind", .string, "\"state\", \"official\", \"working\" or \"unspecified\".") { $1.push($0.visit.kind.rawValue) }
        .property("level", .string, "The visitor's level from the office held on the visit's date (see `dossier.levels`).") {
            $1.push($0.visit.level.rawValue)
        }
        .property("status", .string, "\"occurred\", \"planned\" or \"negated\".") { $1.push($0.visit.status.rawValue) }
        .property("mentions", .array(.named("Mention")), "Where the articles report it.") {
            try $1.push(mentions: $0.visit.mentions, $0.shared)
        }
        .operation("`tostring(v)` is a one-line summary; two visits are `==` when they are the same event.") { cls, _ in
            cls.tostring { object in
                let visit = object.visit
                let name = object.shared.corpus.entities[visit.visitor].name
                let when = visit.start.map { " \($0.iso)" } ?? ""
                return "Visit(\(name) -> \(visit.destination)\(when), \(visit.kind.rawValue), \(visit.status.rawValue))"
            }
            cls.equals { $0.index == $1.index }
        }

    static let event = APIClass<EventObject>("Event", doc: "An event of any kind: a visit, a meeting or talks, the establishment of relations, an anniversary, an exchange of messages.")
        .property("id", .integer, "The event's number in the corpus (1-based).") { $1.push($0.index + 1) }
        .property("kind", .string, "\"visit\", \"meeting\", \"relations_established\", \"anniversary\" or \"message_exchange\".") {
            $1.push($0.event.kind.rawValue)
        }
        .property("participants", .array(.named("Entity")), "The persons taking part.") { object, stack in
            let participants = object.event.participants
            stack.newTable(arrayCount: participants.count)
            for (position, entity) in participants.enumerated() {
                try stack.push(entity: entity, object.shared)
                stack.setItem(position + 1)
            }
        }
        .property("countries", .array(.string), "The countries involved, ISO 3166 alpha-3.") { $1.push(strings: $0.event.countries) }
        .property("city", .optional(.named("Entity")), "Where it took place, when known.") { try $1.push(entity: $0.event.city, $0.shared) }
        .property("start_date", .optional(.named("Date")), "When it began.") { try $1.push(date: $0.event.start) }
        .property("end_date", .optional(.named("Date")), "When it ended, when known.") { try $1.push(date: $0.event.end) }
        .property("year", .optional(.integer), "The year it began.") { $1.push($0.event.start?.year) }
        .property("decade", .optional(.integer), "The decade it began in.") { $1.push($0.event.start?.decade) }
        .property("status", .string, "\"occurred\", \"planned\" or \"negated\".") { $1.push($0.event.status.rawValue) }
        .property("ordinal", .optional(.integer), "For an anniversary, which one (75 for a 75th).") { $1.push($0.event.ordinal) }
        .property("label", .optional(.string), "What the anniversary or milestone is of, in the article's words.") {
            $1.push($0.event.label)
        }
        .property("visit", .optional(.named("Visit")), "For a visit, the visit itself.") { object, stack in
            if let visit = object.event.visit { try stack.push(object: VisitObject(object.shared, visit)) } else { stack.pushNil() }
        }
        .property("mentions", .array(.named("Mention")), "Where the articles report it.") {
            try $1.push(mentions: $0.event.mentions, $0.shared)
        }
        .operation("`tostring(e)` is a one-line summary.") { cls, _ in
            cls.tostring { object in
                let event = object.event
                return "Event(\(event.kind.rawValue) \(event.countries.joined(separator: "-"))\(event.start.map { " \($0.iso)" } ?? ""))"
            }
            cls.equals { $0.index == $1.index }
        }

    static let entity = APIClass<EntityObject>("Entity", doc: "A person, country, city or organisation, with every name it goes by.")
        .property("id", .string, "A stable id: a slug for persons (\"to-lam\"), ISO alpha-3 for countries.") { $1.push($0.entity.id) }
        .property("name", .string, "The display name, with diacritics (\"Tô Lâm\").") { $1.push($0.entity.name) }
        .property("kind", .string, "\"person\", \"country\", \"city\" or \"organisation\".") { $1.push($0.entity.kind.rawValue) }
        .property("names", .array(.string), "The name and every alias.") { $1.push(strings: [$0.entity.name] + $0.entity.aliases) }
        .property("country", .optional(.string), "The country it belongs to, ISO alpha-3.") { $1.push($0.entity.country) }
        .property("offices", .array(.named("Office")), "A person's offices over time.") { object, stack in
            let offices = object.entity.offices
            stack.newTable(arrayCount: offices.count)
            for (position, office) in offices.enumerated() {
                try push(office, onto: stack)
                stack.setItem(position + 1)
            }
        }
        .method("office_at", doc: "The highest-ranked office the person held on a date, or nil.",
                parameters: [APIParameter("date", .union([.named("Date"), .string]), "A Date or an ISO date.")],
                returns: [APIReturn(.optional(.named("Office")), "The office, or nil.")]) { _, object, arguments in
            guard let date = try arguments.date(2) else {
                throw arguments.badArgument(2, "a Date or an ISO date expected, got nil")
            }
            if let office = object.entity.office(at: date) { try push(office, onto: arguments.stack) } else { arguments.pushNil() }
            return 1
        }
        .operation("`tostring(e)` is the name; two entities are `==` when they are the same.") { cls, _ in
            cls.tostring { $0.entity.name }
            cls.equals { $0.index == $1.index }
        }

    static let document = APIClass<DocumentObject>("Document", doc: "An article of the corpus.")
        .property("index", .integer, "Its position in the corpus (1-based).") { $1.push($0.index + 1) }
        .property("path", .string, "Its file, relative to the corpus folder.") { $1.push($0.document.name) }
        .property("title", .optional(.string), "The headline.") { $1.push($0.document.title) }
        .property("date", .optional(.named("Date")), "The publication date.") { try $1.push(date: $0.document.date) }
        .property("source", .optional(.string), "The publisher (\"VNS\", \"Dtinews\").") { $1.push($0.document.source) }
        .property("language", .string, "\"en\" or \"vi\".") { $1.push($0.document.language) }
        .property("place", .optional(.string), "The dateline place.") { $1.push($0.document.place) }
        .property("url", .optional(.string), "Its address, from the manifest.") { $1.push($0.document.url) }
        .property("text", .string, "The whole text (NFC).") { $1.push($0.document.text) }
        .property("paragraphs", .array(.string), "The paragraphs' text.") { object, stack in
            let document = object.document
            stack.push(strings: document.paragraphs.map { document.slice($0.range) })
        }
        .property("sentences", .array(.string), "The sentences' text.") { object, stack in
            let document = object.document
            stack.push(strings: document.sentences.indices.map { document.sentenceText($0) })
        }
        .operation("`tostring(d)` is its title or path.") { cls, _ in
            cls.tostring { $0.document.title ?? $0.document.name }
            cls.equals { $0.index == $1.index }
        }

    /// An office as a plain table (documented as the `Office` shape).
    static func push(_ office: Office, onto stack: LuaStack) throws {
        stack.newTable(recordCount: 6)
        stack.push(office.title)
        stack.setField("title")
        stack.push(office.level.rawValue)
        stack.setField("level")
        if let country = office.country { stack.push(country); stack.setField("country") }
        if let organisation = office.organisation { stack.push(organisation); stack.setField("organisation") }
        if let start = office.start { try stack.push(date: start); stack.setField("start_date") }
        if let end = office.end { try stack.push(date: end); stack.setField("end_date") }
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
        ("Mention", "Where an article reports an event (a plain table).", [
            APIParameter("document", .named("Document"), "The article."),
            APIParameter("sentence", .integer, "The sentence's number in the article (1-based)."),
            APIParameter("text", .string, "The sentence's text."),
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
