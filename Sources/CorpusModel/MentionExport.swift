import Foundation

// Mentions in exports: nested in each visit and event (JSON, JSON Lines), and as a table of their own, one row
// per report of a visit (`dossier export mentions`, for CSV); sentences are numbered from 1, as in Lua. Offsets are 0-based and end-exclusive, in UTF-8
// bytes and in characters (Unicode scalar values) of the document's NFC text.
extension Exporter {
    /// The columns of the `mentions` table: each span flattened to `<span>_text`, `<span>_start`, `<span>_end`,
    /// `<span>_char_start`, `<span>_char_end` (the names of the SQLite export's columns, plus the text).
    static let mentionColumns = ["visit", "document", "sentence", "text", "status", "date", "rules"]
        + spanNames.flatMap { name in spanColumns.map { "\(name)_\($0)" } }
    private static let spanNames = ["visitor", "destination", "date"]
    private static let spanColumns = ["text", "start", "end", "char_start", "char_end"]

    /// The mentions of a visit or an event, nested in its record.
    static func mentions(_ ms: [Mention], _ c: Corpus) -> [[String: Any]] {
        c.details(of: ms).map { d in
            [
                "document": c.documents[d.mention.document].name, "sentence": d.mention.sentence + 1, "text": d.sentence,
                "status": opt(d.mention.status?.rawValue), "date": opt(d.mention.date?.iso), "date_text": opt(d.date?.text),
                "rules": d.mention.rules, "visitor_span": span(d.visitor), "destination_span": span(d.destination),
                "date_span": span(d.date),
            ]
        }
    }

    /// A span as `{text, start, end, char_start, char_end}`, or null.
    static func span(_ s: MentionSpan?) -> Any {
        guard let s else { return NSNull() }
        return ["text": s.text, "start": s.bytes.lowerBound, "end": s.bytes.upperBound,
                "char_start": s.characters.lowerBound, "char_end": s.characters.upperBound] as [String: Any]
    }

    /// One flat row per mention of each visit, in visit order.
    static func mentionRecords(_ c: Corpus) -> [[String: Any]] {
        var rows: [[String: Any]] = []
        for (i, v) in c.visits.enumerated() {
            for d in c.details(of: v.mentions) {
                var row: [String: Any] = [
                    "visit": c.visitIDs[i], "document": c.documents[d.mention.document].name, "sentence": d.mention.sentence + 1,
                    "text": d.sentence, "status": opt(d.mention.status?.rawValue), "date": opt(d.mention.date?.iso),
                    "rules": d.mention.rules,
                ]
                for (name, s) in zip(spanNames, [d.visitor, d.destination, d.date]) {
                    row[name + "_text"] = opt(s?.text)
                    row[name + "_start"] = opt(s?.bytes.lowerBound)
                    row[name + "_end"] = opt(s?.bytes.upperBound)
                    row[name + "_char_start"] = opt(s?.characters.lowerBound)
                    row[name + "_char_end"] = opt(s?.characters.upperBound)
                }
                rows.append(row)
            }
        }
        return rows
    }
}
