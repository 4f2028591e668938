import CorpusModel
import LuaBridge

/// A query over visits or events: the matching items' indexes, in order. Every method returns a new
/// query or a result; a query never changes.
final class QueryObject: LuaSequence {
    enum Source: String { case visits = "Visit", events = "Event" }

    let shared: SharedCorpus
    let source: Source
    /// The selected items' indexes; nil while the query selects every item of its source in order
    /// (then nothing is allocated until a Swift-side method needs the list).
    private let selected: [Int]?
    /// How many items the query selects.
    let count: Int
    /// The items as C sees them for the generic `for` loop (nil: every item, in order).
    private let buffer: UnsafeMutableBufferPointer<Int64>?

    init(_ shared: SharedCorpus, _ source: Source, _ selected: [Int]?) {
        self.shared = shared
        self.source = source
        self.selected = selected
        count = selected?.count ?? (source == .visits ? shared.corpus.visits.count : shared.eventCount)
        if let selected {
            let buffer = UnsafeMutableBufferPointer<Int64>.allocate(capacity: max(selected.count, 1))
            for (position, item) in selected.enumerated() { buffer[position] = Int64(item) }
            self.buffer = buffer
        } else {
            buffer = nil
        }
    }

    deinit { buffer?.deallocate() }

    /// The items' indexes, in order.
    var items: [Int] { selected ?? Array(0..<count) }

    var sequenceItems: UnsafePointer<Int64>? { buffer.map { UnsafePointer($0.baseAddress!) } }
    var sequenceCount: Int { count }
    var sequenceTag: Int { tag }

    var tag: Int { source == .visits ? Handle.visit : Handle.event }

    func pushItem(_ index: Int, onto stack: LuaStack) {
        stack.push(handle: tag, index)
    }

    // MARK: Keys computed in Swift

    static let visitKeys = ["city", "decade", "destination", "end_date", "host", "id", "kind", "level", "start_date",
                            "status", "visitor", "visitor_country", "year"]
    static let eventKeys = ["city", "decade", "end_date", "id", "kind", "label", "ordinal", "start_date",
                            "status", "year"]

    var keyNames: [String] { source == .visits ? QueryObject.visitKeys : QueryObject.eventKeys }

    /// The visits' years or decades as a column (`Int64.min` for none), for keys that are integers.
    func integerColumn(_ name: String) -> UnsafeMutableBufferPointer<Int64>? {
        guard source == .visits else { return nil }
        switch name {
        case "year": return shared.visitYears
        case "decade": return shared.visitDecades
        default: return nil
        }
    }

    /// A function from item index to key for the field `name`, or nil when the field is not a key.
    func keyFunction(_ name: String) -> ((Int) -> ItemKey?)? {
        let corpus = shared.corpus
        let entityName: (Int?) -> ItemKey? = { index in index.map { .entity($0, name: corpus.entities[$0].name) } }
        switch source {
        case .visits:
            let visits = corpus.visits
            switch name {
            case "id": return { .integer($0 + 1) }
            case "visitor": return { entityName(visits[$0].visitor) }
            case "visitor_country": return { visits[$0].visitorCountry.map(ItemKey.text) }
            case "destination": return { .text(visits[$0].destination) }
            case "city": return { entityName(visits[$0].city) }
            case "host": return { entityName(visits[$0].host) }
            case "year": return { visits[$0].start.map { .integer($0.year) } }
            case "decade": return { visits[$0].start.map { .integer($0.decade) } }
            case "start_date": return { ItemKey(visits[$0].start) }
            case "end_date": return { ItemKey(visits[$0].end) }
            case "kind": return { .text(visits[$0].kind.rawValue) }
            case "level": return { .text(visits[$0].level.rawValue) }
            case "status": return { .text(visits[$0].status.rawValue) }
            default: return nil
            }
        case .events:
            let events = shared.events
            switch name {
            case "id": return { .integer($0 + 1) }
            case "kind": return { .text(events[$0].kind.rawValue) }
            case "city": return { entityName(events[$0].city) }
            case "year": return { events[$0].start.map { .integer($0.year) } }
            case "decade": return { events[$0].start.map { .integer($0.decade) } }
            case "start_date": return { ItemKey(events[$0].start) }
            case "end_date": return { ItemKey(events[$0].end) }
            case "status": return { .text(events[$0].status.rawValue) }
            case "ordinal": return { events[$0].ordinal.map(ItemKey.integer) }
            case "label": return { events[$0].label.map(ItemKey.text) }
            default: return nil
            }
        }
    }

    /// The keys of every item, from a field name or from a Lua function at argument `index`.
    func keys(_ arguments: LuaArguments, at index: Int32, context: APIContext) throws -> [ItemKey?] {
        let stack = arguments.stack
        if let name = stack.string(at: index) {
            guard let key = keyFunction(name) else {
                throw arguments.badArgument(index, "unknown key '\(name)'\(Suggestion.hint(for: name, among: keyNames)); keys: \(keyNames.joined(separator: ", "))")
            }
            return items.map(key)
        }
        guard stack.type(at: index) == LuaType.function else {
            throw arguments.badArgument(index, "a key name or a function expected, got \(stack.typeName(at: index))")
        }
        var keys: [ItemKey?] = []
        keys.reserveCapacity(items.count)
        for item in items {
            stack.pushCopy(of: index)
            pushItem(item, onto: stack)
            let result = try stack.call(function: -2, arguments: 1, state: context.state).first ?? .nil
            keys.append(ItemKey(result) ?? entityKey(result, stack: stack))
        }
        return keys
    }

    /// An Entity returned by a key function, as a key by identity.
    private func entityKey(_ value: LuaValue, stack: LuaStack) -> ItemKey? {
        guard case .other = value else { return nil }
        value.push(onto: stack)
        defer { stack.pop() }
        guard let handle = stack.handle(at: -1), handle.tag == Handle.entity else { return nil }
        return .entity(handle.index, name: shared.corpus.entities[handle.index].name)
    }

    // MARK: The class

    static let declaration = APIClass<QueryObject>("Query", doc: "A lazy, immutable selection of visits or events. Methods that filter or sort return a new query.")
        .property("kind", .string, "\"Visit\" or \"Event\": what the query selects.") { $1.push($0.source.rawValue) }
        .method("where", doc: "The items for which `predicate(item)` is true.",
                parameters: [APIParameter("predicate", .function, "Called with each item; keep it when it returns a true value.")],
                returns: [APIReturn(.named("Query"), "A new query.")]) { context, query, arguments in
            guard arguments.stack.type(at: 2) == LuaType.function else {
                throw arguments.badArgument(2, "function expected, got \(arguments.stack.typeName(at: 2))")
            }
            var kept: [Int] = []
            for item in query.items {
                arguments.stack.pushCopy(of: 2)
                query.pushItem(item, onto: arguments.stack)
                let result = try arguments.stack.call(function: -2, arguments: 1, state: context.state).first ?? .nil
                if result.isTruthy { kept.append(item) }
            }
            try arguments.push(object: QueryObject(query.shared, query.source, kept))
            return 1
        }
        .method("sort_by", doc: "The items sorted by a key (a field name such as \"year\", or a function of the item). Items without a key go last; ties keep their order.",
                parameters: [APIParameter("key", .union([.string, .function]), "A field name or a function returning the key."),
                             APIParameter("descending", .optional(.boolean), "Largest first.")],
                returns: [APIReturn(.named("Query"), "A new query.")]) { context, query, arguments in
            let keys = try query.keys(arguments, at: 2, context: context)
            let descending = arguments.stack.type(at: 3) == LuaType.boolean ? try arguments.get(3, as: Bool.self) : false
            let order = query.items.indices.sorted { a, b in
                switch (keys[a], keys[b]) {
                case let (x?, y?): return x == y ? a < b : (descending ? y < x : x < y)
                case (.some, .none): return true
                case (.none, .some): return false
                case (.none, .none): return a < b
                }
            }
            try arguments.push(object: QueryObject(query.shared, query.source, order.map { query.items[$0] }))
            return 1
        }
        .method("count", doc: "How many items the query selects.", returns: [APIReturn(.integer, "The count.")]) { _, query, arguments in
            arguments.push(query.count)
            return 1
        }
        .method("count_by", doc: "How many items fall under each key. With a field name the counting runs in Swift. Items without a key are left out. Persons and cities (`\"visitor\"`, `\"city\"`, or a function returning an Entity) are keyed by the Entity itself, so two persons of one name stay apart; `tostring(key)` is the display name.",
                parameters: [APIParameter("key", .union([.string, .function]), "A field name (\"decade\", \"destination\", ...) or a function of the item.")],
                returns: [APIReturn(.map(.any, .integer), "Key -> count.")]) { context, query, arguments in
            let stack = arguments.stack
            // "year" and "decade" of visits: counted from the integer columns, without a key per item.
            if let name = stack.string(at: 2), let column = query.integerColumn(name) {
                var counts: [Int64: Int] = [:]
                for item in query.items where column[item] != Int64.min { counts[column[item], default: 0] += 1 }
                stack.newTable(recordCount: counts.count)
                for (key, count) in counts {
                    stack.push(key)
                    stack.push(count)
                    stack.setPair()
                }
                return 1
            }
            let keys = try query.keys(arguments, at: 2, context: context)
            var counts: [ItemKey: Int] = [:]
            for key in keys { if let key { counts[key, default: 0] += 1 } }
            stack.newTable(recordCount: counts.count)
            for (key, count) in counts {
                key.push(onto: stack)
                stack.push(count)
                stack.setPair()
            }
            return 1
        }
        .method("group_by", doc: "The items under each key, in query order. Items without a key are left out. Persons and cities are keyed by the Entity (see `count_by`).",
                parameters: [APIParameter("key", .union([.string, .function]), "A field name or a function of the item.")],
                returns: [APIReturn(.map(.any, .array(.any)), "Key -> array of items.")]) { context, query, arguments in
            let keys = try query.keys(arguments, at: 2, context: context)
            var groups: [ItemKey: [Int]] = [:]
            var order: [ItemKey] = []
            for (position, key) in keys.enumerated() {
                guard let key else { continue }
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(query.items[position])
            }
            let stack = arguments.stack
            try stack.reserve(6)
            stack.newTable(recordCount: groups.count)
            for key in order {
                let members = groups[key] ?? []
                key.push(onto: stack)
                stack.newTable(arrayCount: members.count)
                for (position, item) in members.enumerated() {
                    query.pushItem(item, onto: stack)
                    stack.setItem(position + 1)
                }
                stack.setPair()
            }
            return 1
        }
        .method("list", doc: "The items as an array.", returns: [APIReturn(.array(.any), "Visits or events.")]) { _, query, arguments in
            let stack = arguments.stack
            try stack.reserve(4)
            stack.newTable(arrayCount: query.items.count)
            for (position, item) in query.items.enumerated() {
                query.pushItem(item, onto: stack)
                stack.setItem(position + 1)
            }
            return 1
        }
        .method("first", doc: "The first item, or nil when the query is empty.", returns: [APIReturn(.any, "A visit or event, or nil.")]) { _, query, arguments in
            if query.count > 0 { query.pushItem(query.items[0], onto: arguments.stack) } else { arguments.pushNil() }
            return 1
        }
        .operation("`#q` is the count; `for v in q do ... end` goes through the items in order; `tostring(q)` describes it.") { cls, _ in
            cls.length { $0.count }
            cls.tostring { "Query(\($0.count) \($0.source.rawValue.lowercased())s)" }
            // The generic for calls q(nil, previous): stepped in C over the query's items.
            cls.stepsAsSequence()
        }
}

extension ItemKey {
    /// A key from a Lua value returned by a key function: numbers, strings and booleans; anything else
    /// (nil, tables) has no key.
    init?(_ value: LuaValue) {
        switch value {
        case .integer(let number): self = .integer(Int(number))
        case .number(let number):
            if let exact = Int(exactly: number) { self = .integer(exact) } else { self = .number(number) }
        case .string(let text): self = .text(text)
        case .boolean(let flag): self = .text(flag ? "true" : "false")
        default: return nil
        }
    }
}

extension LuaValue {
    /// Lua's truth: everything but nil and false.
    var isTruthy: Bool {
        switch self {
        case .nil, .boolean(false): return false
        default: return true
        }
    }
}
