import Foundation

/// One row of a gold file: a visit that the articles report.
public struct GoldVisit: Sendable, Hashable, Codable {
    /// A name or alias of the visitor (matched on the folded key), or an entity id.
    public var visitor: String
    /// ISO alpha-3. A former state and its successor match each other (SUN and RUS, DDR and DEU), so the gold
    /// may name either.
    public var destination: String
    /// ISO partial date: the year, or year and month ("2019-02").
    public var when: String
    /// "state", "official", "working", "unspecified"; nil: not checked.
    public var kind: String?
    /// A level, or "high" for any of the four top levels; nil: not checked.
    public var level: String?
    /// "occurred" (default), "planned" or "negated".
    public var status: String?
    /// The file the visit is read from (its name in the corpus folder): when given, only a visit reported in
    /// that document matches.
    public var document: String?
    /// The annotator's remark; not checked.
    public var note: String?

    public init(visitor: String, destination: String, when: String, kind: String? = nil, level: String? = nil,
                status: String? = nil, document: String? = nil, note: String? = nil) {
        self.visitor = visitor
        self.destination = destination
        self.when = when
        self.kind = kind
        self.level = level
        self.status = status
        self.document = document
        self.note = note
    }

    static let keys = ["visitor", "destination", "when", "kind", "level", "status", "document", "note"]
}

/// A gold file that does not have the expected form: the file, the row and what is wrong.
public struct GoldFileError: Error, CustomStringConvertible {
    public var description: String
}

public struct GoldFile: Sendable, Codable {
    public var description: String?
    /// The statuses the gold annotates exhaustively. A predicted visit with another status that matches
    /// no row is listed as unscored, not as an extra. Default: all statuses.
    public var statuses: [String]?
    public var visits: [GoldVisit]

    public init(description: String? = nil, statuses: [String]? = nil, visits: [GoldVisit]) {
        self.description = description
        self.statuses = statuses
        self.visits = visits
    }

    static let keys = ["description", "statuses", "visits"]

    /// Reads a gold file. An unknown key, at the top or in a row, is refused with the file, the row and a
    /// "did you mean" (a misspelt `destinaton` would otherwise be silently ignored).
    public static func load(path: String) throws -> GoldFile {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        try checkKeys(data, path: path)
        return try JSONDecoder().decode(GoldFile.self, from: data)
    }

    static func checkKeys(_ data: Data, path: String) throws {
        guard let top = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw GoldFileError(description: "\(path): the gold file must be a JSON object with a 'visits' list")
        }
        func refuse(_ key: String, among known: [String], _ place: String) -> GoldFileError {
            GoldFileError(description: "\(path): \(place): unknown key '\(key)'\(Suggestion.hint(for: key, among: known)); "
                          + "known keys: \(known.joined(separator: ", "))")
        }
        if let key = top.keys.sorted().first(where: { !keys.contains($0) }) { throw refuse(key, among: keys, "top level") }
        for (i, row) in ((top["visits"] as? [Any]) ?? []).enumerated() {
            guard let row = row as? [String: Any] else {
                throw GoldFileError(description: "\(path): visits row \(i + 1): a row must be an object")
            }
            let label = (row["visitor"] as? String).map { " (\($0) -> \(row["destination"] as? String ?? "?"))" } ?? ""
            if let key = row.keys.sorted().first(where: { !GoldVisit.keys.contains($0) }) {
                throw refuse(key, among: GoldVisit.keys, "visits row \(i + 1)\(label)")
            }
        }
    }
}

public struct EvaluationReport: Sendable {
    public struct Match: Sendable {
        public var gold: GoldVisit
        public var visit: Visit
        /// Attribute disagreements ("kind: expected state, found official"); empty when all agree.
        public var problems: [String]
    }
    public var matches: [Match]
    public var misses: [GoldVisit]
    public var extras: [Visit]
    public var unscored: [Visit]

    public var truePositives: Int { matches.count }
    public var precision: Double { matches.isEmpty && extras.isEmpty ? 1 : Double(matches.count) / Double(matches.count + extras.count) }
    public var recall: Double { matches.isEmpty && misses.isEmpty ? 1 : Double(matches.count) / Double(matches.count + misses.count) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    /// Matched rows whose kind, level or status is wrong.
    public var attributeErrors: Int { matches.filter { !$0.problems.isEmpty }.count }
    /// Matched rows the gold gives as planned or negated that the model reports as having taken place: the
    /// worst status error (an announcement or a cancellation counted as a visit).
    public var plannedReportedAsOccurred: Int {
        matches.filter { ($0.gold.status ?? "occurred") != "occurred" && $0.visit.status == .occurred }.count
    }
}

/// Scores the model's visits against a gold file: a gold row matches a visit with the same visitor,
/// destination (or a former state and its successor: SUN and RUS) and year, the same month where both give
/// one, and a mention in the row's `document` when it names one.
public enum Evaluator {
    public static func evaluate(_ corpus: Corpus, gold: GoldFile) -> EvaluationReport {
        var used = Set<Int>()
        let documentIndex = Dictionary(corpus.documents.map { ($0.name, $0.id) }, uniquingKeysWith: { a, _ in a })
        var matches: [EvaluationReport.Match] = []
        var misses: [GoldVisit] = []
        // Each visitor's visits, in the corpus's order: a row looks only at its visitor's.
        let byVisitor = Dictionary(grouping: corpus.visits.indices, by: { corpus.visits[$0].visitor })
        for row in gold.visits {
            var people = Set(corpus.entities(named: row.visitor))
            if let i = corpus.entityIndex(id: row.visitor) { people.insert(i) }
            let when = PartialDate(iso: row.when)
            let document = row.document.map { documentIndex[$0] ?? -1 }
            let candidates = people.flatMap { byVisitor[$0] ?? [] }.sorted().map { corpus.visits[$0] }.filter { v in
                guard !used.contains(v.id), let w = when, let s = v.start, s.year == w.year else { return false }
                if let gm = w.month, let vm = s.month, gm != vm { return false }
                guard corpus.gazetteer.sameOrSuccessor(v.destination, row.destination) else { return false }
                if let document, !v.mentions.contains(where: { $0.document == document }) { return false }
                return true
            }
            // Prefer the visit agreeing on the month, then on the status.
            let best = candidates.max { a, b in score(a, row, when) < score(b, row, when) }
            guard let v = best else { misses.append(row); continue }
            used.insert(v.id)
            matches.append(.init(gold: row, visit: v, problems: problems(row, v, corpus)))
        }
        let scope = Set(gold.statuses ?? VisitStatus.allCases.map(\.rawValue))
        let rest = corpus.visits.filter { !used.contains($0.id) }
        return EvaluationReport(matches: matches, misses: misses, extras: rest.filter { scope.contains($0.status.rawValue) },
                                unscored: rest.filter { !scope.contains($0.status.rawValue) })
    }

    static func score(_ v: Visit, _ row: GoldVisit, _ when: PartialDate?) -> Int {
        var s = 0
        if v.destination == row.destination { s += 4 }
        if let gm = when?.month, v.start?.month == gm { s += 2 }
        if v.status.rawValue == (row.status ?? "occurred") { s += 1 }
        return s
    }

    static func problems(_ row: GoldVisit, _ v: Visit, _ corpus: Corpus) -> [String] {
        var p: [String] = []
        if let k = row.kind, k != v.kind.rawValue { p.append("kind: expected \(k), found \(v.kind.rawValue)") }
        if let l = row.level {
            let ok = l == "high" ? v.level.isHigh : l == v.level.rawValue
            if !ok { p.append("level: expected \(l), found \(v.level.rawValue)") }
            // The level must be one the visitor held on the visit's date (when the gazetteer knows his offices).
            let e = corpus.entities[v.visitor]
            if ok, !e.discovered, !e.offices.isEmpty, let d = v.start, !e.offices(at: d).contains(where: { $0.level == v.level }) {
                p.append("level: \(v.level.rawValue) not held by \(e.name) in \(d.iso)")
            }
        }
        let st = row.status ?? "occurred"
        if st != v.status.rawValue { p.append("status: expected \(st), found \(v.status.rawValue)") }
        return p
    }

    /// The report as text: scores, then misses, extras, attribute problems and unscored visits.
    public static func render(_ r: EvaluationReport, corpus: Corpus) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        func describe(_ v: Visit) -> String {
            "\(corpus.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?")\(v.end.map { "..\($0.iso)" } ?? "") "
                + "[\(v.kind.rawValue), \(v.level.rawValue), \(v.status.rawValue)] (\(v.mentions.count) mention\(v.mentions.count == 1 ? "" : "s"))"
        }
        var out = "visits: gold \(r.matches.count + r.misses.count), found \(r.matches.count + r.extras.count) in scope"
            + (r.unscored.isEmpty ? "" : " (+\(r.unscored.count) unscored)") + "\n"
        out += "precision \(f(r.precision))  recall \(f(r.recall))  F1 \(f(r.f1))\n"
        out += "kind/level/status right on \(r.matches.count - r.attributeErrors) of \(r.matches.count) matched rows\n"
        out += "planned or negated reported as occurred: \(r.plannedReportedAsOccurred)\n"
        if !r.misses.isEmpty {
            out += "\nmisses (in the gold, not found):\n"
            for m in r.misses { out += "  - \(m.visitor) -> \(m.destination) \(m.when)\(m.document.map { " (\($0))" } ?? "")\n" }
        }
        if !r.extras.isEmpty {
            out += "\nextras (found, not in the gold):\n"
            for v in r.extras { out += "  + \(describe(v))\n" }
        }
        let wrong = r.matches.filter { !$0.problems.isEmpty }
        if !wrong.isEmpty {
            out += "\nattribute errors:\n"
            for m in wrong { out += "  ! \(describe(m.visit)): \(m.problems.joined(separator: "; "))\n" }
        }
        if !r.unscored.isEmpty {
            out += "\nunscored (status outside the gold's scope):\n"
            for v in r.unscored { out += "  ~ \(describe(v))\n" }
        }
        out += "\nmatched:\n"
        for m in r.matches { out += "  = \(m.gold.visitor) -> \(m.gold.destination) \(m.gold.when): \(describe(m.visit))\n" }
        return out
    }
}
