import CLua
import CLuaSupport

/// Lua's type codes, as `LuaStack.type(at:)`, `rawField` and `rawItem` return them, for code that reads
/// the stack without importing Lua's C API.
public enum LuaType {
    public static let none = LUA_TNONE
    public static let `nil` = LUA_TNIL
    public static let boolean = LUA_TBOOLEAN
    public static let lightUserdata = LUA_TLIGHTUSERDATA
    public static let number = LUA_TNUMBER
    public static let string = LUA_TSTRING
    public static let table = LUA_TTABLE
    public static let function = LUA_TFUNCTION
    public static let userdata = LUA_TUSERDATA
    public static let thread = LUA_TTHREAD
}

extension LuaStack {
    /// `index` as a position from the bottom of the stack, so it stays valid as values are pushed.
    @inlinable public func absoluteIndex(_ index: Int32) -> Int32 { lua_absindex(L, index) }

    /// The value's truth as Lua sees it: everything but `nil` and `false` is true.
    @inlinable public func isTruthy(at index: Int32) -> Bool { lua_toboolean(L, index) != 0 }

    /// The address of the table, function, thread or userdata at `index` (nil for other values): equal
    /// to `LuaTable.identity` when it is the same table.
    @inlinable public func identity(at index: Int32) -> UnsafeRawPointer? { lua_topointer(L, index) }
}

extension LuaClass {
    /// Makes the class's objects steppable by a generic `for` in C (`for item in query do`): the class
    /// must conform to `LuaSequence`.
    public func stepsAsSequence() {
        nativeMetamethod("__call", dossier_sequence_call)
    }
}
