import CorpusModel
import LuaBridge

// The objects Lua sees: small handles into the shared corpus, exposed lazily as userdata (nothing is
// copied into Lua tables until a script asks for a field).

/// The tags of the model's handles, and how a date fits in a handle's index.
enum Handle {
    static let visit = 1
    static let event = 2
    static let entity = 3
    static let document = 4
    static let date = 5

    /// A partial date packed into an index: year, month (0 for none) and day (0 for none).
    static func index(of date: PartialDate) -> Int { (date.year << 9) | ((date.month ?? 0) << 5) | (date.day ?? 0) }

    static func date(_ index: Int) -> PartialDate {
        let month = (index >> 5) & 0xF, day = index & 0x1F
        return PartialDate(year: index >> 9, month: month == 0 ? nil : month, day: day == 0 ? nil : day)
            ?? PartialDate(year: index >> 9)!
    }
}

// MARK: - Pushing

extension LuaStack {
    func push(date: PartialDate?) {
        guard let date else { pushNil(); return }
        push(handle: Handle.date, Handle.index(of: date))
    }

    func push(entity index: Int?) {
        guard let index else { pushNil(); return }
        push(handle: Handle.entity, index)
    }

    func push(document index: Int) { push(handle: Handle.document, index) }

    /// Mentions as `Mention` tables: sentence, status, date and rules as that sentence states them, and the
    /// spans of the visitor's name, the destination and the date.
    func push(mentions: [Mention], of corpus: Corpus) throws {
        try reserve(8)
        newTable(arrayCount: mentions.count)
        for (position, details) in corpus.details(of: mentions).enumerated() {
            let mention = details.mention
            newTable(recordCount: 10)
            push(document: mention.document)
            setField("document")
            push(mention.sentence + 1)
            setField("sentence")
            push(details.sentence)
            setField("text")
            if let status = mention.status { push(status.rawValue); setField("status") }
            if let date = mention.date { push(date: date); setField("date") }
            if let date = details.date { push(date.text); setField("date_text") }
            push(strings: mention.rules)
            setField("rules")
            for (name, span) in [("visitor_span", details.visitor), ("destination_span", details.destination), ("date_span", details.date)] {
                guard let span else { continue }
                push(span: span)
                setField(name)
            }
            setItem(position + 1)
        }
    }

    /// A span as a `Span` table: 1-based inclusive offsets, as `string.sub` takes them.
    func push(span: MentionSpan) {
        newTable(recordCount: 5)
        push(span.text)
        setField("text")
        for (name, value) in [("byte_start", span.bytes.lowerBound + 1), ("byte_end", span.bytes.upperBound),
                              ("char_start", span.characters.lowerBound + 1), ("char_end", span.characters.upperBound)] {
            push(value)
            setField(name)
        }
    }

    /// An array of strings.
    func push(strings: [String]) { strings.push(onto: self) }
}

// MARK: - Reading arguments

extension LuaArguments {
    /// A date given as a `Date` object, an ISO string or an integer year.
    func date(_ index: Int32) throws -> PartialDate? {
        if stack.type(at: index) <= 0 { return nil }
        if stack.type(at: index) == LuaType.number {
            guard let year = stack.integer(at: index), let date = PartialDate(year: Int(year)) else {
                throw badArgument(index, "a year such as 1990 expected, got \(stack.value(at: index))")
            }
            return date
        }
        if let text = stack.string(at: index) {
            guard let date = PartialDate(iso: text) else {
                throw badArgument(index, "an ISO date such as \"1957\", \"1961-06\" or \"2025-10-09\" expected, got \"\(text)\"")
            }
            return date
        }
        guard let handle = stack.handle(at: index), handle.tag == Handle.date else {
            throw badArgument(index, "a Date, a year or an ISO date expected, got \(stack.typeName(at: index))")
        }
        return Handle.date(handle.index)
    }
}

/// Turns a date argument or filter value (a `Date`, an ISO string or an integer year) into a partial date.
func partialDate(from value: LuaValue, state: LuaState, what: String) throws -> PartialDate {
    if case .string(let text) = value, let date = PartialDate(iso: text) { return date }
    if let year = value.integerValue, let date = PartialDate(year: Int(year)) { return date }
    if case .other = value {
        let stack = LuaStack(state.L)
        value.push(onto: stack)
        defer { stack.pop() }
        if let handle = stack.handle(at: -1), handle.tag == Handle.date { return Handle.date(handle.index) }
    }
    throw LuaError(kind: .runtime, message: "\(what): a year (1990), \"YYYY\", \"YYYY-MM\", \"YYYY-MM-DD\" or a Date expected, got \(value.typeName) \(value)")
}


// MARK: - Keys shared by queries, `count_by`, `group_by` and `sort_by`

/// A grouping or sorting key computed in Swift. An entity (a visitor, a city) is a key by identity, so
/// two persons of one name stay apart; it reaches Lua as the Entity, whose `tostring` is its name.
enum ItemKey: Hashable, Comparable {
    case integer(Int)
    case number(Double)
    case text(String)
    /// An entity: its index, and its display name for sorting.
    case entity(Int, name: String)

    func push(onto stack: LuaStack) {
        switch self {
        case .integer(let value): stack.push(value)
        case .number(let value): stack.push(value)
        case .text(let value): stack.push(value)
        case .entity(let index, _): stack.push(entity: index)
        }
    }

    static func == (a: ItemKey, b: ItemKey) -> Bool {
        switch (a, b) {
        case let (.integer(x), .integer(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.text(x), .text(y)): return x == y
        case let (.entity(x, _), .entity(y, _)): return x == y
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .integer(let value): hasher.combine(0); hasher.combine(value)
        case .number(let value): hasher.combine(1); hasher.combine(value)
        case .text(let value): hasher.combine(2); hasher.combine(value)
        case .entity(let index, _): hasher.combine(3); hasher.combine(index)
        }
    }

    private var numeric: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .text, .entity: return nil
        }
    }

    private var sortText: String {
        switch self {
        case .text(let value): return value
        case .entity(_, let name): return name
        default: return ""
        }
    }

    /// Numbers before text; numbers by value, text and entities by their (display) name, entities of one
    /// name by index.
    static func < (a: ItemKey, b: ItemKey) -> Bool {
        switch (a.numeric, b.numeric) {
        case let (x?, y?): return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none):
            if a.sortText != b.sortText { return a.sortText < b.sortText }
            if case .entity(let x, _) = a, case .entity(let y, _) = b { return x < y }
            return false
        }
    }
}

extension ItemKey {
    init?(_ date: PartialDate?) {
        guard let date else { return nil }
        self = .text(date.iso)
    }
}
