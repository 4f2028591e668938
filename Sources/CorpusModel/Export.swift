import CSVOutput
import Foundation

/// What `dossier export` writes.
public enum ExportTable: String, Sendable, CaseIterable {
    case visits, events, documents, entities
    /// One row per report of a visit, with its own status, date and offsets (MentionExport.swift).
    case mentions
}

public enum ExportFormat: String, Sendable, CaseIterable {
    case json, jsonl, csv
}

/// Records of the model as JSON-ready dictionaries, and their JSON, JSON Lines and CSV (RFC 4180) forms.
public enum Exporter {
    public static func records(_ table: ExportTable, of corpus: Corpus) -> [[String: Any]] {
        switch table {
        case .visits: return corpus.visits.indices.map { visitRecord(at: $0, corpus) }
        case .events: return corpus.identifiedTimeline.map { eventRecord($0, corpus) }
        case .documents: return corpus.documents.map { documentRecord($0) }
        case .entities: return entityRecords(corpus)
        case .mentions: return mentionRecords(corpus)
        }
    }

    static func ref(_ i: Int, _ c: Corpus) -> [String: Any] { ["id": c.entities[i].id, "name": c.entities[i].name] }
    static func opt(_ x: Any?) -> Any { x ?? NSNull() }

    /// Whether corrections changed the fact, and which (their summaries; docs/corrections.md).
    static func correctionFields(_ notes: [CorrectionNote]) -> [String: Any] {
        ["corrected": !notes.isEmpty, "corrections": notes.map(\.summary)]
    }

    /// Visit `i` of the corpus: its stable id, its 1-based index, its fields under the Lua API's names.
    public static func visitRecord(at i: Int, _ c: Corpus) -> [String: Any] {
        let v = c.visits[i]
        return [
            "id": c.visitIDs[i], "index": i + 1, "visitor": ref(v.visitor, c), "visitor_country": opt(v.visitorCountry),
            "destination": v.destination, "city": opt(v.city.map { c.entities[$0].name }), "host": opt(v.host.map { ref($0, c) }),
            "hosts": v.hosts.map { ref($0, c) }, "start_date": opt(v.start?.iso),
            "end_date": opt(v.end?.iso), "year": opt(v.year), "kind": v.kind.rawValue, "level": v.level.rawValue,
            "status": v.status.rawValue, "mentions": mentions(v.mentions, c), "rules": v.rules, "confidence": confidence(v.confidence),
        ].merging(firstSource(v.mentions, c)) { a, _ in a }.merging(correctionFields(c.corrections.visits[i] ?? [])) { a, _ in a }
    }

    /// Where a reader checks a visit: the first sentence that reports it, and its article's title and URL.
    static func firstSource(_ ms: [Mention], _ c: Corpus) -> [String: Any] {
        guard let first = ms.first else { return ["first_sentence": NSNull(), "document_title": NSNull(), "document_url": NSNull()] }
        let document = c.documents[first.document]
        return ["first_sentence": c.text(of: first), "document_title": opt(document.title), "document_url": opt(document.url)]
    }

    /// Three decimals: the scorer is not surer than that.
    static func confidence(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    /// An event of the timeline: its stable id (a visit's is the visit's), its 1-based index in the timeline.
    public static func eventRecord(_ entry: TimelineEntry, _ c: Corpus) -> [String: Any] {
        let e = entry.event
        return [
            "id": entry.stableID, "index": e.id + 1, "kind": e.kind.rawValue, "participants": e.participants.map { ref($0, c) },
            "countries": e.countries, "city": opt(e.city.map { c.entities[$0].name }), "start_date": opt(e.start?.iso),
            "end_date": opt(e.end?.iso), "year": opt(e.start?.year), "status": e.status.rawValue,
            "visit": opt(e.visit.map { c.visitIDs[$0] }), "ordinal": opt(e.ordinal), "label": opt(e.label),
            "mentions": mentions(e.mentions, c), "rules": e.rules, "confidence": confidence(e.confidence),
        ].merging(correctionFields(entry.corrections)) { a, _ in a }
    }

    public static func documentRecord(_ d: Document) -> [String: Any] {
        [
            "id": StableID.document(d), "index": d.id + 1, "name": d.name, "path": d.path, "title": opt(d.title),
            "date": opt(d.date?.iso), "date_source": d.dateSource.rawValue, "anchor_date": opt(d.anchorDate?.iso),
            "anchor_source": opt(d.anchorSource?.rawValue), "place": opt(d.place), "source": opt(d.source), "url": opt(d.url),
            "language": d.language.code, "bytes": d.byteCount, "paragraphs": d.paragraphs.count, "sentences": d.sentences.count,
            "mentions": d.mentions.count, "times": d.times.count,
        ]
    }

    /// Entities mentioned in the corpus, with their mention counts.
    static func entityRecords(_ c: Corpus) -> [[String: Any]] {
        var counts: [Int: Int] = [:]
        for d in c.documents { for m in d.mentions { counts[m.entity, default: 0] += 1 } }
        for v in c.visits { counts[v.visitor, default: 0] += 0 }
        return counts.keys.sorted().map { i in
            let e = c.entities[i]
            return [
                "id": e.id, "index": i + 1, "kind": e.kind.rawValue, "name": e.name, "country": opt(e.country), "aliases": e.aliases,
                "discovered": e.discovered, "mentions": counts[i]!,
                "offices": e.offices.map { o in
                    ["title": o.title, "level": o.level.rawValue, "country": opt(o.country), "start": opt(o.start?.iso), "end": opt(o.end?.iso)] as [String: Any]
                },
            ]
        }
    }

    public static func json(_ records: [[String: Any]]) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: records, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    public static func jsonLines(_ records: [[String: Any]]) throws -> String {
        JSONLines.render(records)
    }

    /// JSON Lines through Foundation's JSONSerialization (what `JSONLines` must equal).
    static func foundationJSONLines(_ records: [[String: Any]]) throws -> String {
        try records.map { r in
            String(decoding: try JSONSerialization.data(withJSONObject: r, options: [.sortedKeys, .withoutEscapingSlashes]), as: UTF8.self)
        }.joined(separator: "\n") + (records.isEmpty ? "" : "\n")
    }

    /// CSV per RFC 4180 (`CSVText`): CRLF line ends (the last record too); fields with a comma, quote or line break
    /// quoted, quotes doubled. Nested values are flattened: a `{id, name}` becomes its name, lists of mentions their
    /// count.
    public static func csv(_ records: [[String: Any]], columns: [String]) -> String {
        var text = CSVText()
        text.write(row: columns)
        for r in records { text.write(row: columns.map { flatten(r[$0]) }) }
        return text.finish()
    }

    public static func columns(for table: ExportTable) -> [String] {
        switch table {
        case .visits: return ["id", "index", "visitor", "visitor_country", "destination", "city", "host", "hosts", "start_date", "end_date", "year", "kind", "level", "status", "mentions", "rules", "confidence", "first_sentence", "document_title", "document_url", "corrected"]
        case .events: return ["id", "index", "kind", "participants", "countries", "city", "start_date", "end_date", "status", "visit", "ordinal", "label", "mentions", "rules", "confidence", "corrected"]
        case .documents: return ["id", "index", "name", "title", "date", "date_source", "anchor_date", "anchor_source", "place", "source", "url", "language", "bytes", "paragraphs", "sentences", "mentions", "times"]
        case .entities: return ["id", "index", "kind", "name", "country", "discovered", "mentions", "aliases"]
        case .mentions: return mentionColumns
        }
    }

    static func flatten(_ v: Any?) -> String {
        switch v {
        case nil, is NSNull: return ""
        case let s as String: return s
        case let b as Bool: return b ? "true" : "false"
        case let n as Int: return String(n)
        case let d as [String: Any]: return (d["name"] as? String) ?? ""
        case let a as [[String: Any]]:
            if a.first?["text"] != nil { return String(a.count) }
            return a.map { ($0["name"] as? String) ?? "" }.joined(separator: "; ")
        case let a as [String]: return a.joined(separator: "; ")
        case let x?: return "\(x)"
        }
    }

    public static func render(_ table: ExportTable, of corpus: Corpus, format: ExportFormat) throws -> String {
        let r = records(table, of: corpus)
        switch format {
        case .json: return try json(r) + "\n"
        case .jsonl: return try jsonLines(r)
        case .csv: return csv(r, columns: columns(for: table))
        }
    }
}
