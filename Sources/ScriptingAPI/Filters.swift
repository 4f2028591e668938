import CLua
import CorpusModel
import LuaBridge

/// Reads a filter table: every key checked against the known ones, with a hint for a typo.
struct FilterReader {
    let arguments: LuaArguments
    let index: Int32
    let function: String
    var values: [String: LuaValue] = [:]

    init(_ arguments: LuaArguments, at index: Int32, function: String, keys: [String]) throws {
        self.arguments = arguments
        self.index = index
        self.function = function
        let stack = arguments.stack
        let type = stack.type(at: index)
        if type <= LUA_TNIL { return }
        guard type == LUA_TTABLE else {
            throw arguments.badArgument(index, "a filter table expected, got \(stack.typeName(at: index))")
        }
        var found: [String: LuaValue] = [:]
        var unknown: String?
        stack.forEachPair(of: index) { key, value in
            guard let name = stack.string(at: key) else { unknown = unknown ?? "a non-string key"; return }
            if keys.contains(name) { found[name] = stack.value(at: value) } else { unknown = unknown ?? name }
        }
        if let unknown {
            throw LuaError(kind: .runtime, message: "\(function): unknown filter '\(unknown)'\(Suggestion.hint(for: unknown, among: keys)); filters: \(keys.joined(separator: ", "))")
        }
        values = found
    }

    func string(_ key: String) throws -> String? {
        guard let value = values[key], !value.isNil else { return nil }
        guard let text = value.stringValue else {
            throw LuaError(kind: .runtime, message: "\(function): filter '\(key)' must be a string, got \(value.typeName)")
        }
        return text
    }

    func choice(_ key: String, among choices: [String]) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard choices.contains(text) else {
            throw LuaError(kind: .runtime, message: "\(function): filter '\(key)' must be one of \(choices.joined(separator: ", ")), got '\(text)'\(Suggestion.hint(for: text, among: choices))")
        }
        return text
    }

    func date(_ key: String, state: LuaState) throws -> PartialDate? {
        guard let value = values[key], !value.isNil else { return nil }
        return try partialDate(from: value, state: state, what: "\(function): filter '\(key)'")
    }

    /// A country given by ISO alpha-3 code, name or alias ("DPRK", "Triều Tiên"), as its alpha-3 code.
    func country(_ key: String, corpus: Corpus) throws -> String? {
        guard let text = try string(key) else { return nil }
        guard let code = CountryNames.code(for: text, in: corpus) else {
            throw LuaError(kind: .runtime, message: "\(function): filter '\(key)': unknown country '\(text)'")
        }
        return code
    }

    /// A confidence bound between 0 and 1.
    func confidence(_ key: String) throws -> Double? {
        guard let value = values[key], !value.isNil else { return nil }
        guard let x = value.numberValue, (0...1).contains(x) else {
            throw LuaError(kind: .runtime, message: "\(function): filter '\(key)' must be a number from 0 to 1, got \(value.numberValue.map { "\($0)" } ?? value.typeName)")
        }
        return x
    }

    /// A level name or "high"; returns the rank bound.
    func level(_ key: String) throws -> String? {
        try choice(key, among: ["high"] + Level.allCases.map(\.rawValue))
    }
}

enum CountryNames {
    /// The alpha-3 code of a country given by code, name or alias.
    static func code(for text: String, in corpus: Corpus) -> String? {
        let upper = text.uppercased()
        if upper.count == 3, corpus.gazetteer.country(upper) != nil { return upper }
        for index in corpus.entities(named: text) where corpus.entities[index].kind == .country {
            return corpus.entities[index].id
        }
        return nil
    }
}

/// `corpus.visits{...}`.
struct VisitFilter {
    static let keys = ["country", "from", "kind", "level", "min_confidence", "min_level", "since", "status", "to", "until", "visitor"]
    static let fieldDocs: [APIParameter] = [
        APIParameter("visitor", .optional(.union([.string, .named("Entity")])), "The person, by any of their names, or an Entity."),
        APIParameter("from", .optional(.string), "The visitor's country: ISO alpha-3 code or a name (\"VNM\", \"Vietnam\")."),
        APIParameter("to", .optional(.string), "The host country: ISO alpha-3 code or a name (\"PRK\", \"DPRK\")."),
        APIParameter("country", .optional(.string), "Visits from or to this country (code or name)."),
        APIParameter("level", .optional(.string), "Exactly this level, or \"high\" for the four top levels."),
        APIParameter("min_level", .optional(.string), "This level and above (\"high\", \"minister\", ...)."),
        APIParameter("kind", .optional(.string), "\"state\", \"official\", \"working\" or \"unspecified\"."),
        APIParameter("status", .optional(.string), "\"occurred\", \"planned\" or \"negated\"."),
        APIParameter("since", .optional(.union([.named("Date"), .string])), "Visits that began on or after this date."),
        APIParameter("until", .optional(.union([.named("Date"), .string])), "Visits that began on or before this date."),
        APIParameter("min_confidence", .optional(.number), "Visits whose confidence is at least this (0 to 1)."),
    ]

    /// The selected visits' indexes, or nil for every visit (no filter).
    static func select(_ arguments: LuaArguments, context: APIContext) throws -> [Int]? {
        let corpus = context.shared.corpus
        let filter = try FilterReader(arguments, at: 1, function: "corpus.visits", keys: keys)
        var visitors: Set<Int>?
        if let value = filter.values["visitor"], !value.isNil {
            if let name = value.stringValue {
                visitors = Set(corpus.entities(named: name))
            } else {
                value.push(onto: arguments.stack)
                defer { arguments.stack.pop() }
                guard let handle = arguments.stack.handle(at: -1), handle.tag == Handle.entity else {
                    throw LuaError(kind: .runtime, message: "corpus.visits: filter 'visitor' must be a name or an Entity, got \(value.typeName)")
                }
                visitors = [handle.index]
            }
        }
        let from = try filter.country("from", corpus: corpus)
        let to = try filter.country("to", corpus: corpus)
        let either = try filter.country("country", corpus: corpus)
        let level = try filter.level("level")
        let minLevel = try filter.level("min_level")
        let kind = try filter.choice("kind", among: VisitKind.allCases.map(\.rawValue))
        let status = try filter.choice("status", among: VisitStatus.allCases.map(\.rawValue))
        let since = try filter.date("since", state: context.state)
        let until = try filter.date("until", state: context.state)
        let minConfidence = try filter.confidence("min_confidence")
        let maxRank = minLevel.map { $0 == "high" ? Level.legislatureHead.rank : Level(rawValue: $0)!.rank }

        let visits = corpus.visits
        if visitors == nil, from == nil, to == nil, either == nil, level == nil, maxRank == nil, kind == nil, status == nil,
           since == nil, until == nil, minConfidence == nil {
            return nil
        }
        var selected: [Int] = []
        // Read each visit in place: copying a Visit (and retaining its arrays) would cost more than the test.
        for index in visits.indices {
            if let visitors, !visitors.contains(visits[index].visitor) { continue }
            let visit = VisitFields(visits, index)
            if let from, visit.visitorCountry != from { continue }
            if let to, visit.destination != to { continue }
            if let either, visit.destination != either && visit.visitorCountry != either { continue }
            if let level, level == "high" ? !visit.level.isHigh : visit.level.rawValue != level { continue }
            if let maxRank, visit.level.rank > maxRank { continue }
            if let kind, visit.kind.rawValue != kind { continue }
            if let status, visit.status.rawValue != status { continue }
            if let since { guard let start = visit.start, start >= since else { continue } }
            if let until { guard let start = visit.start, start <= until else { continue } }
            if let minConfidence, visits[index].confidence < minConfidence { continue }
            selected.append(index)
        }
        return selected
    }
}

/// `corpus.events{...}`.
struct EventFilter {
    static let keys = ["country", "kind", "min_confidence", "since", "status", "until"]
    static let fieldDocs: [APIParameter] = [
        APIParameter("kind", .optional(.string), "\"visit\", \"meeting\", \"relations_established\", \"anniversary\" or \"message_exchange\"."),
        APIParameter("status", .optional(.string), "\"occurred\", \"planned\" or \"negated\"."),
        APIParameter("country", .optional(.string), "Events involving this country (code or name)."),
        APIParameter("since", .optional(.union([.named("Date"), .string])), "Events that began on or after this date."),
        APIParameter("until", .optional(.union([.named("Date"), .string])), "Events that began on or before this date."),
        APIParameter("min_confidence", .optional(.number), "Events whose confidence is at least this (0 to 1)."),
    ]

    /// The selected events' indexes, or nil for every event (no filter).
    static func select(_ arguments: LuaArguments, context: APIContext) throws -> [Int]? {
        let corpus = context.shared.corpus
        let filter = try FilterReader(arguments, at: 1, function: "corpus.events", keys: keys)
        let kind = try filter.choice("kind", among: EventKind.allCases.map(\.rawValue))
        let status = try filter.choice("status", among: VisitStatus.allCases.map(\.rawValue))
        let country = try filter.country("country", corpus: corpus)
        let since = try filter.date("since", state: context.state)
        let until = try filter.date("until", state: context.state)
        let minConfidence = try filter.confidence("min_confidence")
        if kind == nil, status == nil, country == nil, since == nil, until == nil, minConfidence == nil { return nil }
        var selected: [Int] = []
        for (index, event) in context.shared.events.enumerated() {
            if let kind, event.kind.rawValue != kind { continue }
            if let status, event.status.rawValue != status { continue }
            if let country, !event.countries.contains(country) { continue }
            if let since { guard let start = event.start, start >= since else { continue } }
            if let until { guard let start = event.start, start <= until else { continue } }
            if let minConfidence, event.confidence < minConfidence { continue }
            selected.append(index)
        }
        return selected
    }
}

/// The fields of one visit the filter tests, read in place.
private struct VisitFields {
    let visitorCountry: String?
    let destination: String
    let level: Level
    let kind: VisitKind
    let status: VisitStatus
    let start: PartialDate?

    @inline(__always)
    init(_ visits: [Visit], _ index: Int) {
        visitorCountry = visits[index].visitorCountry
        destination = visits[index].destination
        level = visits[index].level
        kind = visits[index].kind
        status = visits[index].status
        start = visits[index].start
    }
}
