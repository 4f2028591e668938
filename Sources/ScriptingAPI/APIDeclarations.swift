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

/// What an API body gets: the state it runs in, and the run's corpus and report.
public final class APIContext {
    public unowned let state: LuaState
    public let shared: SharedCorpus
    public let report: ReportCollector

    init(state: LuaState, shared: SharedCorpus, report: ReportCollector) {
        self.state = state
        self.shared = shared
        self.report = report
    }
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
