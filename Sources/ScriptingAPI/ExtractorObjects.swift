import CorpusModel
import LuaBridge

// The Swift objects behind an extractor plugin's `extract(sentence, candidates)`: the sentence under review,
// its candidates and the list they are in. The host (PluginHost) builds them for each sentence and reads the
// result back; `ExtractorAPI` declares how Lua sees them.

/// A sentence under review, with its document. Its view (text, mentions, times) is built on first read, so a
/// plugin that looks at few sentences costs little.
public final class ExtractorSentence {
    public let index: Int
    public let document: ReviewedDocument
    public private(set) lazy var sentence: ReviewedSentence = document.sentence(index)

    public init(_ index: Int, of document: ReviewedDocument) {
        self.index = index
        self.document = document
    }
}

/// A visit candidate as an extractor sees and changes it.
public final class ExtractorCandidate {
    public private(set) var value: ReviewedCandidate
    /// Why the plugin vetoed it; nil while it stands.
    public private(set) var vetoReason: String?
    public private(set) var isVetoed = false
    /// A field was set.
    public private(set) var isChanged = false
    let document: ReviewedDocument
    /// Its position in its list (0-based), for `for c in candidates do`.
    let position: Int

    public init(_ value: ReviewedCandidate, document: ReviewedDocument, position: Int) {
        self.value = value
        self.document = document
        self.position = position
    }

    public var isAdded: Bool { value.original == nil }

    func veto(_ reason: String?) {
        isVetoed = true
        vetoReason = reason
    }

    /// `candidate.<field> = value`: the field set after checking the value.
    func set(_ field: String, _ newValue: LuaValue) throws {
        switch field {
        case "visitor": value.visitor = try ExtractorFields.person(newValue, field: field, in: document)
        case "destination": value.destination = try ExtractorFields.country(newValue, field: field, in: document)
        case "start_date": value.start = try ExtractorFields.date(newValue, field: field)
        case "end_date": value.end = try ExtractorFields.date(newValue, field: field)
        case "kind": value.kind = try ExtractorFields.choice(newValue, field: field, as: VisitKind.self)
        case "status": value.status = try ExtractorFields.choice(newValue, field: field, as: VisitStatus.self)
        case "confidence": value.confidence = try ExtractorFields.confidence(newValue, field: field)
        default:
            let known = ExtractorAPI.candidateMembers
            if known.contains(field) {
                throw LuaError(kind: .runtime, message: "Candidate field '\(field)' is read-only; settable fields: \(ExtractorFields.settable.joined(separator: ", "))")
            }
            throw LuaError(kind: .runtime, message: "Candidate has no field '\(field)'\(Suggestion.hint(for: field, among: known))")
        }
        isChanged = true
    }
}

/// The candidates of one sentence: those the rules made, then those the plugin adds.
public final class ExtractorCandidateList {
    public private(set) var items: [ExtractorCandidate]
    let document: ReviewedDocument
    let sentence: Int

    public init(_ candidates: [ReviewedCandidate], document: ReviewedDocument, sentence: Int) {
        self.document = document
        self.sentence = sentence
        items = candidates.enumerated().map { ExtractorCandidate($1, document: document, position: $0) }
    }

    /// `candidates:add{...}`: a new candidate from the option table at `index`.
    func add(_ arguments: LuaArguments, at index: Int32) throws -> ExtractorCandidate {
        let stack = arguments.stack
        guard stack.type(at: index) == LuaType.table else {
            throw arguments.badArgument(index, "a table such as { visitor = ..., destination = ... } expected, got \(stack.typeName(at: index))")
        }
        try Strictness.checkKeys(of: stack, at: index, known: ExtractorFields.settable, what: "candidates:add", noun: "field")
        var fields: [String: LuaValue] = [:]
        stack.forEachPair(of: index) { key, value in
            if let name = stack.string(at: key) { fields[name] = stack.value(at: value) }
        }
        for required in ["visitor", "destination"] where fields[required] == nil {
            throw LuaError(kind: .runtime, message: "candidates:add: field '\(required)' is missing (a candidate needs a visitor and a destination)")
        }
        let visitor = try ExtractorFields.person(fields["visitor"]!, field: "visitor", in: document)
        let destination = try ExtractorFields.country(fields["destination"]!, field: "destination", in: document)
        let added = ReviewedCandidate(visitor: visitor, destination: destination, start: nil, end: nil, kind: .unspecified,
                                      status: .occurred, confidence: ExtractorFields.addedConfidence)
        let candidate = ExtractorCandidate(added, document: document, position: items.count)
        for (name, value) in fields.sorted(by: { $0.key < $1.key }) where name != "visitor" && name != "destination" {
            try candidate.set(name, value)
        }
        items.append(candidate)
        return candidate
    }

    /// The candidates after review, each changed or added one naming `plugin`; nil when nothing changed.
    public func reviewed(by plugin: String) -> [ReviewedCandidate]? {
        guard items.contains(where: { $0.isVetoed || $0.isChanged || $0.isAdded }) else { return nil }
        return items.filter { !$0.isVetoed }.map { item in
            var value = item.value
            if item.isChanged || item.isAdded { value.changedBy.append(plugin) }
            return value
        }
    }
}

/// Checks of the values an extractor gives a candidate's fields.
enum ExtractorFields {
    static let settable = ["visitor", "destination", "start_date", "end_date", "kind", "status", "confidence"]
    /// The confidence of a candidate a plugin adds without giving one.
    static let addedConfidence: Float = 0.5

    static func person(_ value: LuaValue, field: String, in document: ReviewedDocument) throws -> ReviewedPerson {
        guard case .string(let text) = value else {
            throw LuaError(kind: .runtime, message: "Candidate.\(field) must be a person's name or gazetteer id (a string), got \(value.typeName)")
        }
        let folded = text.lowercased()
        if let person = document.persons.first(where: { $0.id == text || $0.name.lowercased() == folded }) { return person }
        let names = document.persons.map(\.name)
        throw LuaError(kind: .runtime, message: "Candidate.\(field): '\(text)' is not a person named in \(document.name)\(Suggestion.hint(for: text, among: names))" + (names.isEmpty ? "" : "; persons: \(names.prefix(8).joined(separator: ", "))"))
    }

    static func country(_ value: LuaValue, field: String, in document: ReviewedDocument) throws -> String {
        guard case .string(let text) = value else {
            throw LuaError(kind: .runtime, message: "Candidate.\(field) must be a country (ISO 3166 alpha-3 code or name), got \(value.typeName)")
        }
        if let code = document.countryCode(text) { return code }
        throw LuaError(kind: .runtime, message: "Candidate.\(field): '\(text)' is not a country of the gazetteer (give an ISO 3166 alpha-3 code such as \"VNM\", or its name)")
    }

    static func date(_ value: LuaValue, field: String) throws -> PartialDate? {
        switch value {
        case .nil: return nil
        case .string(let text):
            if let date = PartialDate(iso: text) { return date }
        case .integer(let year):
            if let date = PartialDate(year: Int(year)) { return date }
        default: break
        }
        throw LuaError(kind: .runtime, message: "Candidate.\(field) must be an ISO date such as \"1957\", \"1961-06\" or \"2025-10-09\" (or nil), got \(value.typeName) '\(value)'")
    }

    static func choice<T: RawRepresentable & CaseIterable>(_ value: LuaValue, field: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        let names = T.allCases.map(\.rawValue)
        guard case .string(let text) = value else {
            throw LuaError(kind: .runtime, message: "Candidate.\(field) must be one of \(names.joined(separator: ", ")), got \(value.typeName)")
        }
        guard let choice = T(rawValue: text) else {
            throw LuaError(kind: .runtime, message: "Candidate.\(field): unknown value '\(text)'\(Suggestion.hint(for: text, among: names)); one of \(names.joined(separator: ", "))")
        }
        return choice
    }

    static func confidence(_ value: LuaValue, field: String) throws -> Float {
        guard let number = value.numberValue, (0...1).contains(number) else {
            throw LuaError(kind: .runtime, message: "Candidate.\(field) must be a number from 0 to 1, got \(value.typeName) '\(value)'")
        }
        return Float(number)
    }
}
