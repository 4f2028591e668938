import CLua
import CLuaSupport

/// The type-erased side of a class description.
public class AnyLuaClass {
    let name: String
    init(name: String) { self.name = name }
}

/// Describes how Lua sees instances of a Swift class: read-only properties through a fast getter,
/// methods in the `__index` table, and the metamethods `__tostring`, `__len`, `__eq`, `__lt` and
/// `__pairs`. Instances are userdata that retain the object; `__gc` releases it exactly once.
public final class LuaClass<T: AnyObject>: AnyLuaClass {
    public typealias Getter = (T, LuaStack) throws -> Void
    public typealias Method = (T, LuaArguments) throws -> Int32

    private(set) var propertyNames: [String] = []
    /// For classes whose properties never change: after this many reads of one object, its members
    /// are cached in a table, and later reads cost what a table read costs. 0 (the default) never
    /// caches.
    public var cacheAfterReads = 0
    /// When set, reading a member the class lacks is an error with this message (see `makeMembersStrict`).
    public var unknownMember: LuaUnknownMemberMessage?
    private var getters: [Getter] = []
    private(set) var methods: [(String, LuaFunctionBody)] = []
    private(set) var metamethods: [(String, LuaFunctionBody)] = []
    private(set) var nativeMetamethods: [(String, lua_CFunction)] = []

    /// A metamethod written in C (such as `dossier_sequence_call`, the fast generic-for step of a
    /// `LuaSequence`).
    public func nativeMetamethod(_ event: String, _ function: lua_CFunction) {
        nativeMetamethods.append((event, function))
    }

    /// A property pushed by a closure that reads `T` (the fastest form).
    public func property(_ name: String, push: @escaping Getter) {
        propertyNames.append(name)
        getters.append(push)
    }

    /// A property whose value converts to Lua.
    public func property<V: LuaPushable>(_ name: String, _ value: @escaping (T) -> V) {
        property(name) { object, stack in value(object).push(onto: stack) }
    }

    /// A method, called as `object:name(...)`: the arguments start at 2.
    public func method(_ name: String, _ body: @escaping Method) {
        methods.append((name, { [unowned self] arguments in
            let object: T
            do { object = try self.this(arguments) } catch {
                throw arguments.stack.methodCalledWithDot(self.name, name, arguments: arguments)
            }
            return try body(object, arguments)
        }))
    }

    /// `tostring(object)`.
    public func tostring(_ text: @escaping (T) -> String) {
        metamethods.append(("__tostring", { [unowned self] arguments in
            arguments.push(text(try self.this(arguments)))
            return 1
        }))
    }

    /// `#object`.
    public func length(_ count: @escaping (T) -> Int) {
        metamethods.append(("__len", { [unowned self] arguments in
            arguments.push(count(try self.this(arguments)))
            return 1
        }))
    }

    /// `a == b` between two objects of this class.
    public func equals(_ equal: @escaping (T, T) -> Bool) {
        comparison("__eq", equal)
    }

    /// `a < b` between two objects of this class.
    public func lessThan(_ less: @escaping (T, T) -> Bool) {
        comparison("__lt", less)
    }

    /// `pairs(object)`: the key-value pairs to iterate, computed when the loop starts.
    public func pairs(_ entries: @escaping (T) -> [(key: LuaValue, value: LuaValue)]) {
        metamethods.append(("__pairs", { [unowned self] arguments in
            let list = entries(try self.this(arguments))
            var position = 0
            let state = LuaState.owner(of: arguments.L)
            state.pushFunction { iteration in
                guard position < list.count else { iteration.pushNil(); return 1 }
                let entry = list[position]
                position += 1
                iteration.push(entry.key)
                iteration.push(entry.value)
                return 2
            }
            arguments.pushNil()
            arguments.pushNil()
            return 3
        }))
    }

    /// `a <= b` between two objects of this class.
    public func lessOrEqual(_ lessOrEqual: @escaping (T, T) -> Bool) {
        comparison("__le", lessOrEqual)
    }

    /// Any other metamethod (`__call`, `__len`, ...) whose first operand is always the object itself:
    /// Lua reaches it only through the object's (locked) metatable, so no type check is needed.
    public func metamethod(_ event: String, _ body: @escaping Method) {
        metamethods.append((event, { arguments in
            guard let object = dossier_to_self_object(arguments.L) else {
                throw LuaError(kind: .runtime, message: "object already released")
            }
            return try body(Unmanaged<T>.fromOpaque(object).takeUnretainedValue(), arguments)
        }))
    }

    private func comparison(_ event: String, _ compare: @escaping (T, T) -> Bool) {
        metamethods.append((event, { arguments in
            let state = LuaState.owner(of: arguments.L)
            guard let ref = state.classes[ObjectIdentifier(T.self)] else { return 0 }
            lua_rawgeti(arguments.L, CLUA_REGISTRYINDEX, lua_Integer(ref))
            let left = dossier_to_object(arguments.L, 1, -1)
            let right = dossier_to_object(arguments.L, 2, -1)
            lua_pop(arguments.L, 1)
            guard let left, let right else {
                if event == "__eq" { arguments.push(false); return 1 }
                throw LuaError(kind: .runtime, message: "attempt to compare \(arguments.stack.typeName(at: 1)) with \(arguments.stack.typeName(at: 2))")
            }
            arguments.push(compare(Unmanaged<T>.fromOpaque(left).takeUnretainedValue(),
                                   Unmanaged<T>.fromOpaque(right).takeUnretainedValue()))
            return 1
        }))
    }

    private func this(_ arguments: LuaArguments) throws(LuaError) -> T {
        try arguments.object(1, as: T.self)
    }

    /// The getters erased to raw object pointers, for the non-generic table the C `__index` calls.
    func erasedGetters() -> [LuaPropertyTable.Getter] {
        getters.map { getter in
            { object, stack in
                try Unmanaged<T>.fromOpaque(object)._withUnsafeGuaranteedRef { try getter($0, stack) }
            }
        }
    }

}

/// What the C `__index` calls for a property: a class's getters, non-generic and immutable.
final class LuaPropertyTable {
    typealias Getter = (UnsafeMutableRawPointer, LuaStack) throws -> Void
    let getters: [Getter]
    let description: AnyLuaClass
    init(_ getters: [Getter], description: AnyLuaClass) {
        self.getters = getters
        self.description = description
    }
}

extension LuaState {
    /// Registers how Lua sees instances of `type`. Call once per class, before pushing instances.
    public func register<T: AnyObject>(_ type: T.Type, name: String, _ describe: (LuaClass<T>) -> Void) {
        let description = LuaClass<T>(name: name)
        describe(description)
        let top = lua_gettop(L)
        defer { lua_settop(L, top) }
        _ = lua_checkstack(L, 8)
        lua_createtable(L, 0, Int32(description.methods.count + description.propertyNames.count))
        for (id, propertyName) in description.propertyNames.enumerated() {
            lua_pushinteger(L, lua_Integer(id))
            lua_setfield(L, -2, propertyName)
        }
        for (methodName, body) in description.methods {
            pushFunction(body)
            lua_setfield(L, -2, methodName)
        }
        if let unknownMember = description.unknownMember { makeMembersStrict(unknownMember) }
        let box = Unmanaged.passRetained(LuaPropertyTable(description.erasedGetters(), description: description))
        dossier_new_class_metatable(L, -1, box.toOpaque(), name, Int32(description.cacheAfterReads))
        for (event, body) in description.metamethods {
            pushFunction(body)
            lua_setfield(L, -2, event)
        }
        for (event, function) in description.nativeMetamethods {
            lua_pushcclosure(L, function, 0)
            lua_setfield(L, -2, event)
        }
        if let old = classes[ObjectIdentifier(type)] { luaL_unref(L, CLUA_REGISTRYINDEX, old) }
        classes[ObjectIdentifier(type)] = luaL_ref(L, CLUA_REGISTRYINDEX)
        classNames[ObjectIdentifier(type)] = name
    }

    func className(of type: AnyObject.Type) -> String? { classNames[ObjectIdentifier(type)] }

    /// Pushes `object` as userdata of its registered class.
    func pushObject(_ object: AnyObject) throws(LuaError) {
        guard let ref = classes[ObjectIdentifier(Swift.type(of: object))] else {
            throw LuaError(kind: .conversion, message: "no Lua class is registered for \(Swift.type(of: object))")
        }
        lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(ref))
        if let sequence = object as? LuaSequence {
            dossier_push_sequence(L, Unmanaged.passRetained(object).toOpaque(), -1, sequence.sequenceItems,
                                  sequence.sequenceCount, Int32(sequence.sequenceTag))
        } else {
            dossier_push_object(L, Unmanaged.passRetained(object).toOpaque(), -1)
        }
        lua_remove(L, -2)
    }

    /// Converts a Swift object to a Lua value held by reference.
    public func value(object: AnyObject) throws(LuaError) -> LuaValue {
        try pushObject(object)
        defer { lua_pop(L, 1) }
        return LuaStack(L).value(at: -1)
    }
}

/// A Swift object wrapped for Lua: push it where a `LuaPushable` is wanted.
public struct LuaObject: LuaPushable {
    public let object: AnyObject
    public init(_ object: AnyObject) { self.object = object }
    public func push(onto stack: LuaStack) {
        do { try LuaState.owner(of: stack.L).pushObject(object) } catch { stack.pushNil() }
    }
}

/// A Swift object that is also a sequence of handles: `for item in object do` steps through
/// `sequenceItems` in C (with `dossier_sequence_call` as the class's `__call`); nil items mean the
/// indexes 0..<count in order. The items must stay valid as long as the object lives.
public protocol LuaSequence: AnyObject {
    var sequenceItems: UnsafePointer<Int64>? { get }
    var sequenceCount: Int { get }
    var sequenceTag: Int { get }
}
