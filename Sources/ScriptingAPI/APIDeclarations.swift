import CorpusModel
import LuaBridge

/// A Lua type as the API reference and the editor stubs write it (LuaLS notation).
public indirect enum APIType: Sendable, Equatable {
    case `nil`, boolean, integer, number, string, any, table, function
    /// A class or alias declared in the catalogue (`Visit`, `Date`).
    case named(String)
    case array(APIType)
    case map(APIType, APIType)
    case optional(APIType)
    case union([APIType])

    /// The type in LuaLS notation: `integer`, `string?`, `Visit[]`, `table<string, integer>`.
    public var notation: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer: return "integer"
        case .number: return "number"
        case .string: return "string"
        case .any: return "any"
        case .table: return "table"
        case .function: return "function"
        case .named(let name): return name
        case .array(let element):
            let inner = element.notation
            return (inner.contains("|") || inner.hasSuffix("?") ? "(\(inner))" : inner) + "[]"
        case .map(let key, let value): return "table<\(key.notation), \(value.notation)>"
        case .optional(let wrapped):
            let inner = wrapped.notation
            return (inner.contains("|") ? "(\(inner))" : inner) + "?"
        case .union(let members): return members.map(\.notation).joined(separator: "|")
        }
    }
}

/// A parameter of a function, or a field of a table argument.
public struct APIParameter: Sendable {
    public let name: String
    public let type: APIType
    public let doc: String
    public init(_ name: String, _ type: APIType, _ doc: String) {
        self.name = name
        self.type = type
        self.doc = doc
    }
}

/// What a function returns.
public struct APIReturn: Sendable {
    public let type: APIType
    public let doc: String
    public init(_ type: APIType, _ doc: String) {
        self.type = type
        self.doc = doc
    }
}

/// What an API body gets: the state it runs in, and the run's corpus and report. It also answers
/// property reads on the model's handles.
public final class APIContext: LuaHandleProvider {
    public unowned let state: LuaState
    public let shared: SharedCorpus
    public let report: ReportCollector
    /// The visits, held directly: the hottest path of the API reads them.
    let visits: [Visit]
    private let kinds: [APIHandleClass?]

    init(state: LuaState, shared: SharedCorpus, report: ReportCollector) {
        self.state = state
        self.shared = shared
        self.report = report
        visits = shared.corpus.visits
        kinds = APIHandleClass.byTag
    }

    public func pushProperty(_ property: Int, ofItem index: Int, tag: Int, onto stack: LuaStack) throws {
        guard let kind = kinds[tag] else { stack.pushNil(); return }
        try kind.properties[property].get(self, index, stack)
    }
}

/// A class of the model's items (visits, entities, dates...) that Lua sees as handles: light userdata
/// naming an item by kind and index. Properties are read through one C `__index`; nothing is allocated
/// per item.
public final class APIHandleClass: APIClassDescription, @unchecked Sendable {
    public typealias Getter = (APIContext, Int, LuaStack) throws -> Void
    public let tag: Int
    public let name: String
    public let doc: String
    private(set) var properties: [(name: String, type: APIType, doc: String, get: Getter)] = []
    private(set) var methods: [(function: APIFunction, body: (APIContext, Int, LuaArguments) throws -> Int32)] = []
    private(set) var describe: ((APIContext, Int) -> String)?
    private(set) var order: ((APIContext, Int, Int) -> Bool)?
    private(set) var operators: [String] = []

    public init(tag: Int, _ name: String, doc: String) {
        self.tag = tag
        self.name = name
        self.doc = doc
    }

    @discardableResult
    public func property(_ name: String, _ type: APIType, _ doc: String, push: @escaping Getter) -> Self {
        properties.append((name, type, doc, push))
        return self
    }

    @discardableResult
    public func method(_ name: String, doc: String, parameters: [APIParameter] = [], returns: [APIReturn] = [],
                       body: @escaping (APIContext, Int, LuaArguments) throws -> Int32) -> Self {
        methods.append((APIFunction(name, doc: doc, parameters: parameters, returns: returns) { _, _ in 0 }, body))
        return self
    }

    /// `tostring(item)`.
    @discardableResult
    public func tostring(_ doc: String, _ text: @escaping (APIContext, Int) -> String) -> Self {
        describe = text
        operators.append(doc)
        return self
    }

    /// `a < b` and `a <= b` between two items of this class (`==` is identity).
    @discardableResult
    public func ordered(_ doc: String, _ less: @escaping (APIContext, Int, Int) -> Bool) -> Self {
        order = less
        operators.append(doc)
        return self
    }

    public var propertyDocs: [APIParameter] { properties.map { APIParameter($0.name, $0.type, $0.doc) } }
    public var methodDocs: [APIFunction] { methods.map(\.function) }
    public var operatorDocs: [String] { operators }

    /// Handles are installed all together (they share one metatable): see `APIRegistry`.
    public func register(in context: APIContext) {}

    func kind(in context: APIContext) -> LuaHandleKind {
        let members = properties.map(\.name) + methods.map(\.function.name)
        return LuaHandleKind(tag: tag, name: name, properties: properties.map(\.name), methods: methods.map { method in
            let body = method.body
            let tag = self.tag
            let name = self.name
            let methodName = method.function.name
            return (methodName, { arguments in
                guard let handle = arguments.stack.handle(at: 1), handle.tag == tag else {
                    throw arguments.stack.methodCalledWithDot(name, methodName, arguments: arguments)
                }
                return try body(context, handle.index, arguments)
            })
        }, unknownMember: Strictness.unknownMember(of: name, members: members))
    }

    /// Every handle class by tag.
    static let byTag: [APIHandleClass?] = {
        var table = [APIHandleClass?](repeating: nil, count: 256)
        for kind in APICatalog.handleClasses { table[kind.tag] = kind }
        return table
    }()
}

/// A module function (`corpus.visits`) or a method (`query:count`): its documentation and its body.
/// Declarations are built once, in static initialisers, and never change after: safe to share.
public struct APIFunction: @unchecked Sendable {
    public let name: String
    public let doc: String
    public let parameters: [APIParameter]
    public let returns: [APIReturn]
    /// Extra text for the reference: the fields a table argument accepts, an example.
    public let details: String?
    let body: (APIContext, LuaArguments) throws -> Int32

    public init(_ name: String, doc: String, parameters: [APIParameter] = [], returns: [APIReturn] = [],
                details: String? = nil, body: @escaping (APIContext, LuaArguments) throws -> Int32) {
        self.name = name
        self.doc = doc
        self.parameters = parameters
        self.returns = returns
        self.details = details
        self.body = body
    }
}

/// A constant field of a module (`dossier.version`).
public struct APIField: @unchecked Sendable {
    public let name: String
    public let type: APIType
    public let doc: String
    let value: (APIContext) throws -> LuaValue

    public init(_ name: String, _ type: APIType, doc: String, value: @escaping (APIContext) throws -> LuaValue) {
        self.name = name
        self.type = type
        self.doc = doc
        self.value = value
    }
}

/// A global table of functions and fields (`corpus`, `report`, `dates`, `dossier`).
public struct APIModule: Sendable {
    public let name: String
    public let doc: String
    public let fields: [APIField]
    public let functions: [APIFunction]
}

/// A property of a class, with its getter.
public struct APIProperty<T: AnyObject> {
    public let name: String
    public let type: APIType
    public let doc: String
    let get: (T, LuaStack) throws -> Void
}

/// A method of a class: `object:name(...)`, arguments from 2.
public struct APIMethod<T: AnyObject> {
    public let function: APIFunction
    let body: (APIContext, T, LuaArguments) throws -> Int32
}

/// What the generators need to know of a class, whatever its Swift type.
public protocol APIClassDescription: Sendable {
    var name: String { get }
    var doc: String { get }
    var propertyDocs: [APIParameter] { get }
    var methodDocs: [APIFunction] { get }
    /// Metamethods in words (`tostring(v)`, `a < b`, `#q`, `for v in q do`).
    var operatorDocs: [String] { get }
    func register(in context: APIContext)
}

/// A class of objects Lua sees as userdata: its properties, methods and operators, declared once.
public final class APIClass<T: AnyObject>: APIClassDescription, @unchecked Sendable {
    public let name: String
    public let doc: String
    private(set) var properties: [APIProperty<T>] = []
    private(set) var methods: [APIMethod<T>] = []
    private var operators: [(doc: String, install: (LuaClass<T>, APIContext) -> Void)] = []

    public init(_ name: String, doc: String) {
        self.name = name
        self.doc = doc
    }

    @discardableResult
    public func property(_ name: String, _ type: APIType, _ doc: String,
                         push: @escaping (T, LuaStack) throws -> Void) -> Self {
        properties.append(APIProperty(name: name, type: type, doc: doc, get: push))
        return self
    }

    @discardableResult
    public func method(_ name: String, doc: String, parameters: [APIParameter] = [], returns: [APIReturn] = [],
                       body: @escaping (APIContext, T, LuaArguments) throws -> Int32) -> Self {
        let function = APIFunction(name, doc: doc, parameters: parameters, returns: returns) { _, _ in 0 }
        methods.append(APIMethod(function: function, body: body))
        return self
    }

    /// An operator: documented in `doc`, installed by `install`.
    @discardableResult
    public func operation(_ doc: String, install: @escaping (LuaClass<T>, APIContext) -> Void) -> Self {
        operators.append((doc, install))
        return self
    }

    public var propertyDocs: [APIParameter] { properties.map { APIParameter($0.name, $0.type, $0.doc) } }
    public var methodDocs: [APIFunction] { methods.map(\.function) }
    public var operatorDocs: [String] { operators.map(\.doc) }

    public func register(in context: APIContext) {
        context.state.register(T.self, name: name) { cls in
            cls.unknownMember = Strictness.unknownMember(of: name, members: properties.map(\.name) + methods.map(\.function.name))
            for property in properties { cls.property(property.name, push: property.get) }
            for method in methods {
                let body = method.body
                cls.method(method.function.name) { [unowned context] object, arguments in
                    try body(context, object, arguments)
                }
            }
            for operation in operators { operation.install(cls, context) }
        }
    }
}
