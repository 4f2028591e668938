// `dossier export --format sqlite`: the whole model as an SQLite database, written with GRDB. Documents, entities,
// visits and events are keyed by the same `id` as the other exports (stable ids, gazetteer ids; docs/corrections.md)
// and carry the same 1-based `index`; sentences, offices and mentions by a 1-based number. References are foreign
// keys. The schema is documented in docs/sqlite-export.md.

import CorpusModel
import Foundation
import GRDB

public enum SQLiteExporter {
    /// The schema's version, stored as `PRAGMA user_version`; bumped when a table or column changes.
    public static let schemaVersion = 4

    /// Writes the database to `url`: to a temporary file beside it, renamed into place when complete.
    public static func write(_ corpus: Corpus, to url: URL) throws {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        try? FileManager.default.removeItem(at: temporary)
        do {
            let queue = try DatabaseQueue(path: temporary.path)
            try queue.write { db in
                try createSchema(db)
                try SQLiteRows(db: db, corpus: corpus).insertAll()
            }
            try queue.close()
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    static func createSchema(_ db: Database) throws {
        try db.execute(sql: "PRAGMA user_version = \(schemaVersion)")
        try db.create(table: "documents") { t in
            t.primaryKey("id", .text)
            t.column("index", .integer).notNull().unique()
            t.column("path", .text).notNull().unique()
            t.column("name", .text).notNull()
            t.column("title", .text)
            t.column("date", .text)
            t.column("date_source", .text).notNull()
            t.column("place", .text)
            t.column("source", .text)
            t.column("url", .text)
            t.column("language", .text).notNull()
            t.column("bytes", .integer).notNull()
            t.column("content_hash", .text).notNull()
        }
        try db.create(table: "sentences") { t in
            t.primaryKey("id", .integer)
            t.column("document_id", .text).notNull().indexed().references("documents")
            t.column("number", .integer).notNull()
            t.column("paragraph", .integer).notNull()
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("text", .text).notNull()
            t.uniqueKey(["document_id", "number"])
        }
        try createEntityTables(db)
        try createEventTables(db)
    }

    static func createEntityTables(_ db: Database) throws {
        try db.create(table: "entities") { t in
            t.primaryKey("id", .text)
            t.column("index", .integer).notNull().unique()
            t.column("kind", .text).notNull()
            t.column("name", .text).notNull()
            t.column("country", .text)
            t.column("aliases", .text).notNull()
            t.column("discovered", .boolean).notNull()
        }
        try db.create(table: "offices") { t in
            t.primaryKey("id", .integer)
            t.column("entity_id", .text).notNull().indexed().references("entities")
            t.column("title", .text).notNull()
            t.column("level", .text).notNull()
            t.column("country", .text)
            t.column("organisation", .text)
            t.column("start", .text)
            t.column("end", .text)
        }
        try db.create(table: "entity_mentions") { t in
            t.primaryKey("id", .integer)
            t.column("sentence_id", .integer).notNull().indexed().references("sentences")
            t.column("entity_id", .text).notNull().indexed().references("entities")
            t.column("start", .integer).notNull()
            t.column("end", .integer).notNull()
            t.column("role", .text).notNull()
        }
    }

    static func createEventTables(_ db: Database) throws {
        try db.create(table: "visits") { t in
            t.primaryKey("id", .text)
            t.column("index", .integer).notNull().unique()
            t.column("visitor_id", .text).notNull().indexed().references("entities")
            t.column("visitor_country", .text)
            t.column("destination", .text).notNull()
            t.column("city_id", .text).references("entities")
            t.column("host_id", .text).indexed().references("entities")
            t.column("start_date", .text)
            t.column("end_date", .text)
            t.column("year", .integer)
            t.column("kind", .text).notNull()
            t.column("level", .text).notNull()
            t.column("status", .text).notNull()
            t.column("corrected", .boolean).notNull()
        }
        try db.create(table: "visit_hosts") { t in
            t.column("visit_id", .text).notNull().references("visits")
            t.column("position", .integer).notNull()
            t.column("entity_id", .text).notNull().indexed().references("entities")
            t.primaryKey(["visit_id", "position"])
        }
        try db.create(table: "events") { t in
            t.primaryKey("id", .text)
            t.column("index", .integer).notNull().unique()
            t.column("kind", .text).notNull()
            t.column("city_id", .text).references("entities")
            t.column("start_date", .text)
            t.column("end_date", .text)
            t.column("year", .integer)
            t.column("status", .text).notNull()
            t.column("visit_id", .text).references("visits")
            t.column("ordinal", .integer)
            t.column("label", .text)
            t.column("corrected", .boolean).notNull()
        }
        try db.create(table: "event_participants") { t in
            t.column("event_id", .text).notNull().references("events")
            t.column("position", .integer).notNull()
            t.column("entity_id", .text).notNull().indexed().references("entities")
            t.primaryKey(["event_id", "position"])
        }
        try db.create(table: "event_countries") { t in
            t.column("event_id", .text).notNull().references("events")
            t.column("position", .integer).notNull()
            t.column("country", .text).notNull()
            t.primaryKey(["event_id", "position"])
        }
        // Where each visit and event is reported: exactly one of visit_id and event_id is set.
        try db.create(table: "mentions") { t in
            t.primaryKey("id", .integer)
            t.column("visit_id", .text).indexed().references("visits")
            t.column("event_id", .text).indexed().references("events")
            t.column("sentence_id", .integer).notNull().indexed().references("sentences")
            // What the sentence itself says, and where (UTF-8 byte and character offsets, 0-based, end-exclusive).
            t.column("status", .text)
            t.column("date", .text)
            t.column("date_text", .text)
            t.column("rules", .text).notNull()
            for span in SQLiteRows.mentionSpans {
                for column in SQLiteRows.spanColumns { t.column("\(span)_\(column)", .integer) }
            }
            t.check(sql: "(visit_id IS NULL) <> (event_id IS NULL)")
        }
    }
}

/// Inserts the model's rows, table by table, through prepared statements.
struct SQLiteRows {
    let db: Database
    let corpus: Corpus
    /// The id of each document's first sentence (sentence ids are numbered across the corpus, from 1).
    var firstSentence: [Int] = []
    /// Each document's stable id.
    let documentIDs: [String]

    init(db: Database, corpus: Corpus) {
        self.db = db
        self.corpus = corpus
        documentIDs = corpus.documents.map(StableID.document)
        var next = 1
        firstSentence = corpus.documents.map { d in defer { next += d.sentences.count }; return next }
    }

    func insertAll() throws {
        try insertEntities()
        try insertDocuments()
        try insertVisits()
        try insertEvents()
    }

    private func statement(_ table: String, _ columns: [String]) throws -> Statement {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try db.makeStatement(sql: "INSERT INTO \(table) (\(columns.map { "\"\($0)\"" }.joined(separator: ", "))) VALUES (\(marks))")
    }

    private func insertEntities() throws {
        let entities = try statement("entities", ["id", "index", "kind", "name", "country", "aliases", "discovered"])
        let offices = try statement("offices", ["entity_id", "title", "level", "country", "organisation", "start", "end"])
        for (i, e) in corpus.entities.enumerated() {
            try entities.execute(arguments: [e.id, i + 1, e.kind.rawValue, e.name, e.country, e.aliases.joined(separator: "|"), e.discovered])
            for o in e.offices {
                try offices.execute(arguments: [e.id, o.title, o.level.rawValue, o.country, o.organisation, o.start?.iso, o.end?.iso])
            }
        }
    }

    private func insertDocuments() throws {
        let documents = try statement("documents", ["id", "index", "path", "name", "title", "date", "date_source", "place", "source", "url",
                                                    "language", "bytes", "content_hash"])
        let sentences = try statement("sentences", ["id", "document_id", "number", "paragraph", "start", "end", "text"])
        let mentions = try statement("entity_mentions", ["sentence_id", "entity_id", "start", "end", "role"])
        for (i, d) in corpus.documents.enumerated() {
            try documents.execute(arguments: [documentIDs[i], i + 1, d.path, d.name, d.title, d.date?.iso, d.dateSource.rawValue, d.place, d.source, d.url,
                                              d.language.code, d.byteCount, String(d.contentHash, radix: 16)])
            let list = d.sentences
            let texts = d.slices(list.map(\.range))
            for (k, s) in list.enumerated() {
                try sentences.execute(arguments: [firstSentence[i] + k, documentIDs[i], k + 1, s.paragraph, s.range.lowerBound, s.range.upperBound, texts[k]])
            }
            for m in d.mentions {
                try mentions.execute(arguments: [firstSentence[i] + m.sentence, corpus.entities[m.entity].id, m.range.lowerBound, m.range.upperBound, m.role.rawValue])
            }
        }
    }

    private func insertVisits() throws {
        let visits = try statement("visits", ["id", "index", "visitor_id", "visitor_country", "destination", "city_id", "host_id", "start_date",
                                              "end_date", "year", "kind", "level", "status", "corrected"])
        let hosts = try statement("visit_hosts", ["visit_id", "position", "entity_id"])
        let mentions = try mentionStatement(owner: "visit_id")
        for (i, v) in corpus.visits.enumerated() {
            let id = corpus.visitIDs[i]
            try visits.execute(arguments: [id, i + 1, entityID(v.visitor), v.visitorCountry, v.destination, v.city.map(entityID), v.host.map(entityID),
                                           v.start?.iso, v.end?.iso, v.year, v.kind.rawValue, v.level.rawValue, v.status.rawValue,
                                           corpus.corrections.visits[i] != nil])
            for (k, h) in v.hosts.enumerated() { try hosts.execute(arguments: [id, k, entityID(h)]) }
            try insertMentions(v.mentions, of: id, mentions)
        }
    }

    /// The timeline: every event, visits included (pointing to their row in `visits`), as `export events` numbers them.
    private func insertEvents() throws {
        let events = try statement("events", ["id", "index", "kind", "city_id", "start_date", "end_date", "year", "status", "visit_id",
                                              "ordinal", "label", "corrected"])
        let participants = try statement("event_participants", ["event_id", "position", "entity_id"])
        let countries = try statement("event_countries", ["event_id", "position", "country"])
        let mentions = try mentionStatement(owner: "event_id")
        for entry in corpus.identifiedTimeline {
            let e = entry.event, id = entry.stableID
            try events.execute(arguments: [id, e.id + 1, e.kind.rawValue, e.city.map(entityID), e.start?.iso, e.end?.iso, e.start?.year,
                                           e.status.rawValue, e.visit.map { corpus.visitIDs[$0] }, e.ordinal, e.label,
                                           !entry.corrections.isEmpty])
            for (k, p) in e.participants.enumerated() { try participants.execute(arguments: [id, k, entityID(p)]) }
            for (k, c) in e.countries.enumerated() { try countries.execute(arguments: [id, k, c]) }
            // A visit's mentions are the visit's rows; the event row points to the visit.
            if e.visit == nil {
                try insertMentions(e.mentions, of: id, mentions)
            }
        }
    }

    static let mentionSpans = ["visitor", "destination", "date"]
    static let spanColumns = ["start", "end", "char_start", "char_end"]

    private func mentionStatement(owner: String) throws -> Statement {
        try statement("mentions", [owner, "sentence_id", "status", "date", "date_text", "rules"]
            + Self.mentionSpans.flatMap { span in Self.spanColumns.map { "\(span)_\($0)" } })
    }

    /// The rows of a visit's or an event's mentions, with the offsets of their spans.
    private func insertMentions(_ list: [Mention], of owner: String, _ statement: Statement) throws {
        for d in corpus.details(of: list) {
            let m = d.mention
            var values: [DatabaseValueConvertible?] = [owner, firstSentence[m.document] + m.sentence, m.status?.rawValue, m.date?.iso,
                                                       d.date?.text, m.rules.joined(separator: " ")]
            for span in [d.visitor, d.destination, d.date] {
                values += [span?.bytes.lowerBound, span?.bytes.upperBound, span?.characters.lowerBound, span?.characters.upperBound]
            }
            try statement.execute(arguments: StatementArguments(values))
        }
    }

    /// An entity's gazetteer id, its key in `entities`.
    private func entityID(_ index: Int) -> String { corpus.entities[index].id
    }
}
