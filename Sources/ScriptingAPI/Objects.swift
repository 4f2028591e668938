import CorpusModel
import LuaBridge

// The objects Lua sees: small handles into the shared corpus, exposed lazily as userdata (nothing is
// copied into Lua tables until a script asks for a field).

final class VisitObject {
    let shared: SharedCorpus
    let index: Int
    init(_ shared: SharedCorpus, _ index: Int) { self.shared = shared; self.index = index }
    var visit: Visit { shared.corpus.visits[index] }
}

final class EventObject {
    let shared: SharedCorpus
    let index: Int
    init(_ shared: SharedCorpus, _ index: Int) { self.shared = shared; self.index = index }
    var event: Event { shared.corpus.events[index] }
}

final class EntityObject {
    let shared: SharedCorpus
    let index: Int
    init(_ shared: SharedCorpus, _ index: Int) { self.shared = shared; self.index = index }
    var entity: Entity { shared.corpus.entities[index] }
}

final class DocumentObject {
    let shared: SharedCorpus
    let index: Int
    init(_ shared: SharedCorpus, _ index: Int) { self.shared = shared; self.index = index }
    var document: Document { shared.corpus.documents[index] }
}

final class DateObject {
    let date: PartialDate
    init(_ date: PartialDate) { self.date = date }
}

// MARK: - Pushing

extension LuaStack {
    func push(date: PartialDate?) throws {
        guard let date else { pushNil(); return }
        try push(object: DateObject(date))
    }

    func push(entity index: Int?, _ shared: SharedCorpus) throws {
        guard let index, index >= 0, index < shared.corpus.entities.count else { pushNil(); return }
        try push(object: EntityObject(shared, index))
    }

    func push(document index: Int, _ shared: SharedCorpus) throws {
        try push(object: DocumentObject(shared, index))
    }

    func push(mentions: [Mention], _ shared: SharedCorpus) throws {
        try reserve(6)
        newTable(arrayCount: mentions.count)
        for (position, mention) in mentions.enumerated() {
            newTable(recordCount: 3)
            try push(document: mention.document, shared)
            setField("document")
            push(mention.sentence + 1)
            setField("sentence")
            push(mention.text)
            setField("text")
            setItem(position + 1)
        }
    }

    /// An array of strings.
    func push(strings: [String]) { strings.push(onto: self) }
}

// MARK: - Reading arguments

extension LuaArguments {
    /// A date given as a `Date` object or an ISO string.
    func date(_ index: Int32) throws -> PartialDate? {
        if stack.type(at: index) <= 0 { return nil }
        if let text = stack.string(at: index) {
            guard let date = PartialDate(iso: text) else {
                throw badArgument(index, "an ISO date such as \"1957\", \"1961-06\" or \"2025-10-09\" expected, got \"\(text)\"")
            }
            return date
        }
        return try object(index, as: DateObject.self).date
    }
}

/// Turns a date argument or filter value (a `Date` or an ISO string) into a partial date.
func partialDate(from value: LuaValue, state: LuaState, what: String) throws -> PartialDate {
    if case .string(let text) = value, let date = PartialDate(iso: text) { return date }
    if case .other = value {
        let stack = LuaStack(state.L)
        value.push(onto: stack)
        defer { stack.pop() }
        if let object = stack.object(at: -1) as? DateObject { return object.date }
    }
    throw LuaError(kind: .runtime, message: "\(what): an ISO date such as \"1957\" or \"2025-10-09\" expected, got \(value.typeName) \(value)")
}


// MARK: - Keys shared by queries, `count_by`, `group_by` and `sort_by`

/// A grouping or sorting key computed in Swift.
enum ItemKey: Hashable, Comparable {
    case integer(Int)
    case number(Double)
    case text(String)

    func push(onto stack: LuaStack) {
        switch self {
        case .integer(let value): stack.push(value)
        case .number(let value): stack.push(value)
        case .text(let value): stack.push(value)
        }
    }

    private var numeric: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        case .text: return nil
        }
    }

    /// Numbers before text; numbers by value, text by its characters.
    static func < (a: ItemKey, b: ItemKey) -> Bool {
        switch (a.numeric, b.numeric) {
        case let (x?, y?): return x < y
        case (.some, .none): return true
        case (.none, .some): return false
        case (.none, .none):
            if case .text(let x) = a, case .text(let y) = b { return x < y }
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
