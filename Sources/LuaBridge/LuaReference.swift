import CLua
import CLuaSupport

/// Keeps a Lua value alive in the registry while Swift holds it. Two references are equal when they
/// name the same Lua object.
public final class LuaReference: Hashable {
    let handle: LuaState.Handle
    let ref: Int32
    let identity: UnsafeRawPointer?
    /// Lua's name for the value's type.
    public let typeName: String

    init(_ L: OpaquePointer, _ index: Int32) {
        handle = LuaState.owner(of: L).handle
        identity = lua_topointer(L, index)
        typeName = String(cString: lua_typename(L, lua_type(L, index)))
        lua_pushvalue(L, index)
        ref = luaL_ref(L, CLUA_REGISTRYINDEX)
    }

    deinit {
        if let L = handle.L { luaL_unref(L, CLUA_REGISTRYINDEX, ref) }
    }

    /// Pushes the value (nil when its state has been closed).
    func push(onto stack: LuaStack) {
        guard handle.L != nil else { lua_pushnil(stack.L); return }
        lua_rawgeti(stack.L, CLUA_REGISTRYINDEX, lua_Integer(ref))
    }

    public static func == (lhs: LuaReference, rhs: LuaReference) -> Bool {
        lhs === rhs || (lhs.handle === rhs.handle && lhs.identity != nil && lhs.identity == rhs.identity)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(identity) }
}

/// A Lua table held from Swift. Reads and writes run protected, so metamethods may run and fail
/// without harm; `raw` access skips them.
public struct LuaTable: Hashable {
    let reference: LuaReference

    init(reference: LuaReference) { self.reference = reference }

    /// The table's address, to recognise it among arguments (`lua_topointer`).
    public var identity: UnsafeRawPointer? { reference.identity }

    var state: LuaState { get throws(LuaError) { try reference.handle.state() } }

    /// `t[key]`, metamethods included.
    public func get(_ key: some LuaPushable) throws(LuaError) -> LuaValue {
        let state = try state
        return try state.withStack { stack throws(LuaError) in
            reference.push(onto: stack)
            key.push(onto: stack)
            try state.protected { dossier_pgettable(stack.L, -2) }
            return stack.value(at: -1)
        }
    }

    /// `t[key] = value`, metamethods included.
    public func set(_ key: some LuaPushable, _ value: some LuaPushable) throws(LuaError) {
        let state = try state
        try state.withStack { stack throws(LuaError) in
            reference.push(onto: stack)
            key.push(onto: stack)
            value.push(onto: stack)
            try state.protected { dossier_psettable(stack.L, -3) }
        }
    }

    /// `rawget(t, key)`.
    public func rawGet(_ key: some LuaPushable) throws(LuaError) -> LuaValue {
        try state.withStack { stack in
            reference.push(onto: stack)
            key.push(onto: stack)
            lua_rawget(stack.L, -2)
            return stack.value(at: -1)
        }
    }

    /// The table's border (`#t` without metamethods).
    public var count: Int {
        get throws(LuaError) {
            try state.withStack { stack in
                reference.push(onto: stack)
                return Int(lua_rawlen(stack.L, -1))
            }
        }
    }

    /// Every key and value, read raw (no metamethods), in Lua's traversal order.
    public func pairs() throws(LuaError) -> [(key: LuaValue, value: LuaValue)] {
        try state.withStack { stack throws(LuaError) in
            reference.push(onto: stack)
            try stack.reserve(4)
            var result: [(key: LuaValue, value: LuaValue)] = []
            lua_pushnil(stack.L)
            while lua_next(stack.L, -2) != 0 {
                result.append((stack.value(at: -2), stack.value(at: -1)))
                lua_pop(stack.L, 1)
            }
            return result
        }
    }

    /// Reads the table as a Swift value (`[String]`, `[String: Int]`, ...).
    public func decode<T: LuaPullable>(as type: T.Type = T.self) throws(LuaError) -> T {
        try state.withStack { stack throws(LuaError) in
            reference.push(onto: stack)
            return try T.pull(from: stack, at: -1)
        }
    }
}

/// A Lua function held from Swift, callable with the state's limits.
public struct LuaFunction: Hashable {
    let reference: LuaReference

    init(reference: LuaReference) { self.reference = reference }

    /// Calls the function with `arguments`; returns every result.
    @discardableResult
    public func call(_ arguments: any LuaPushable...) throws(LuaError) -> [LuaValue] {
        try call(arguments: arguments)
    }

    @discardableResult
    public func call(arguments: [any LuaPushable]) throws(LuaError) -> [LuaValue] {
        let state = try reference.handle.state()
        return try state.call(reference, arguments: arguments)
    }
}
