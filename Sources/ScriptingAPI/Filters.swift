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
        if type <= LuaType.nil { return }
        guard type == LuaType.table else {
            throw arguments.badArgument(index, "a filter table expected, got \(stack.typeName(at: index))")
        }
        try Strictness.checkKeys(of: stack, at: index, known: keys, what: function, noun: "filter")
        var found: [String: LuaValue] = [:]
        stack.forEachPair(of: index) { key, value in
            if let name = stack.string(at: key) { found[name] = stack.value(at: value) }
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

    /// `since` and `until` (or `through`, the same bound without a Lua keyword).
    func dateBounds(state: LuaState) throws -> DateBounds? {
        let until = try date("until", state: state)
        let through = try date("through", state: state)
        if until != nil, through != nil {
            throw LuaError(kind: .runtime, message: "\(function): give 'until' or 'through', not both (they mean the same)")
        }
        let bounds = DateBounds(since: try date("since", state: state), until: until ?? through)
        return bounds.since == nil && bounds.until == nil ? nil : bounds
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

/// The dates a filter keeps, both ends included, each compared at its own precision: `until = 1990`
/// keeps a visit of May 1990, `since = "1990-06"` one of June 1990 on.
struct DateBounds {
    let since: PartialDate?
    let until: PartialDate?

    func contains(_ start: PartialDate?) -> Bool {
        guard let start else { return false }
        if let since, start.truncated(to: since.granularity) < since { return false }
        if let until, start.truncated(to: until.granularity) > until { return false }
        return true
    }
}

/// `corpus.visits{...}`.
struct VisitFilter {
    static let keys = ["country", "from", "kind", "level", "min_confidence", "min_level", "since", "status", "through", "to", "until", "visitor"]
    static let fieldDocs: [APIParameter] = [
        APIParameter("visitor", .optional(.union([.string, .named("Entity")])), "The person, by any of their names, or an Entity."),
        APIParameter("from", .optional(.string), "The visitor's country: ISO alpha-3 code or a name (\"VNM\", \"Vietnam\")."),
        APIParameter("to", .optional(.string), "The host country: ISO alpha-3 code or a name (\"PRK\", \"DPRK\")."),
        APIParameter("country", .optional(.string), "Visits from or to this country (code or name)."),
        APIParameter("level", .optional(.string), "Exactly this level, or \"high\" for the four top levels."),
        APIParameter("min_level", .optional(.string), "This level and above (\"high\", \"minister\", ...)."),
        APIParameter("kind", .optional(.string), "\"state\", \"official\", \"working\" or \"unspecified\"."),
        APIParameter("status", .optional(.string), "\"occurred\", \"planned\" or \"negated\"."),
        APIParameter("since", .optional(.union([.named("Date"), .string, .integer])), "Visits that began on or after this date: a year (1990), \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or a Date."),
        APIParameter("until", .optional(.union([.named("Date"), .string, .integer])), "Visits that began on or before this date, compared at its precision (`until = 1990` keeps all of 1990). Written `[\"until\"]` in a table constructor; `through` is the same without the brackets."),
        APIParameter("through", .optional(.union([.named("Date"), .string, .integer])), "The same as `until`, without a Lua keyword: `{since = 1990, through = 1999}`."),
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
        let dates = try filter.dateBounds(state: context.state)
        let minConfidence = try filter.confidence("min_confidence")
        let maxRank = minLevel.map { $0 == "high" ? Level.legislatureHead.rank : Level(rawValue: $0)!.rank }

        let visits = corpus.visits
        if visitors == nil, from == nil, to == nil, either == nil, level == nil, maxRank == nil, kind == nil, status == nil,
           dates == nil, minConfidence == nil {
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
            if let dates, !dates.contains(visit.start) { continue }
            if let minConfidence, visits[index].confidence < minConfidence { continue }
            selected.append(index)
        }
        return selected
    }
}

/// `corpus.events{...}`.
struct EventFilter {
    static let keys = ["country", "kind", "min_confidence", "since", "status", "through", "until"]
    static let fieldDocs: [APIParameter] = [
        APIParameter("kind", .optional(.string), "\"visit\", \"meeting\", \"relations_established\", \"anniversary\" or \"message_exchange\"."),
        APIParameter("status", .optional(.string), "\"occurred\", \"planned\" or \"negated\"."),
        APIParameter("country", .optional(.string), "Events involving this country (code or name)."),
        APIParameter("since", .optional(.union([.named("Date"), .string, .integer])), "Events that began on or after this date (a year, an ISO text or a Date)."),
        APIParameter("until", .optional(.union([.named("Date"), .string, .integer])), "Events that began on or before this date, at its precision."),
        APIParameter("through", .optional(.union([.named("Date"), .string, .integer])), "The same as `until`, without a Lua keyword."),
        APIParameter("min_confidence", .optional(.number), "Events whose confidence is at least this (0 to 1)."),
    ]

    /// The selected events' indexes, or nil for every event (no filter).
    static func select(_ arguments: LuaArguments, context: APIContext) throws -> [Int]? {
        let corpus = context.shared.corpus
        let filter = try FilterReader(arguments, at: 1, function: "corpus.events", keys: keys)
        let kind = try filter.choice("kind", among: EventKind.allCases.map(\.rawValue))
        let status = try filter.choice("status", among: VisitStatus.allCases.map(\.rawValue))
        let country = try filter.country("country", corpus: corpus)
        let dates = try filter.dateBounds(state: context.state)
        let minConfidence = try filter.confidence("min_confidence")
        if kind == nil, status == nil, country == nil, dates == nil, minConfidence == nil { return nil }
        var selected: [Int] = []
        for (index, event) in context.shared.events.enumerated() {
            if let kind, event.kind.rawValue != kind { continue }
            if let status, event.status.rawValue != status { continue }
            if let country, !event.countries.contains(country) { continue }
            if let dates, !dates.contains(event.start) { continue }
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
