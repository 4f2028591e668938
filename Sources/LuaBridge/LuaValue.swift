import CLua
#if canImport(Glibc)
import Glibc
#endif
import CLuaSupport

/// A Lua value seen from Swift. Scalars are copied; tables, functions and userdata are references that
/// keep the Lua value alive while Swift holds them.
public enum LuaValue: Hashable, CustomStringConvertible {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    /// A Lua string. Lua strings are byte strings; embedded NUL bytes are kept, and bytes that are not
    /// UTF-8 are replaced when read into Swift.
    case string(String)
    case table(LuaTable)
    case function(LuaFunction)
    /// Userdata, threads and light userdata: kept as references, not converted.
    case other(LuaReference)

    public var description: String {
        switch self {
        case .nil: return "nil"
        case .boolean(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return LuaValue.format(value)
        case .string(let value): return value
        case .table: return "table"
        case .function: return "function"
        case .other(let reference): return reference.typeName
        }
    }

    /// Formats a float the way Lua's `tostring` does (`%.14g`, with `.0` on integral values).
    static func format(_ value: Double) -> String {
        if value.isNaN { return value.sign == .minus ? "-nan" : "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var text = String(format14g: value)
        if !text.contains(where: { $0 == "." || $0 == "e" || $0 == "n" || $0 == "i" }) { text += ".0" }
        return text
    }

    public var isNil: Bool { if case .nil = self { return true } else { return false } }
    public var boolValue: Bool? { if case .boolean(let value) = self { return value } else { return nil } }
    public var stringValue: String? { if case .string(let value) = self { return value } else { return nil } }
    public var tableValue: LuaTable? { if case .table(let value) = self { return value } else { return nil } }
    public var functionValue: LuaFunction? { if case .function(let value) = self { return value } else { return nil } }
    /// The value as an integer: integers, and floats with an exact integer value.
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): return value
        case .number(let value):
            guard value.rounded() == value, let exact = Int64(exactly: value) else { return nil }
            return exact
        default: return nil
        }
    }
    public var numberValue: Double? {
        switch self {
        case .integer(let value): return Double(value)
        case .number(let value): return value
        default: return nil
        }
    }

    /// Lua's type name for the value.
    public var typeName: String {
        switch self {
        case .nil: return "nil"
        case .boolean: return "boolean"
        case .integer, .number: return "number"
        case .string: return "string"
        case .table: return "table"
        case .function: return "function"
        case .other(let reference): return reference.typeName
        }
    }
}

extension String {
    init(format14g value: Double) {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.14g", $0) }
        self = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

// MARK: - Reading and writing the stack

/// A view of a Lua stack, for code that pushes and reads values directly. It is only valid during the
/// call that hands it out (a Swift function called from Lua, a property getter).
public struct LuaStack {
    public let L: OpaquePointer

    @inlinable public init(_ L: OpaquePointer) { self.L = L }

    @inlinable public var top: Int32 { lua_gettop(L) }

    @inlinable public func type(at index: Int32) -> Int32 { lua_type(L, index) }

    public func typeName(at index: Int32) -> String {
        let type = lua_type(L, index)
        if type == LUA_TUSERDATA, let object = objectClassName(at: index) { return object }
        if type == LUA_TLIGHTUSERDATA, let handle = handle(at: index),
           let name = LuaState.owner(of: L).handleNames[handle.tag] { return name }
        return String(cString: lua_typename(L, type))
    }

    func objectClassName(at index: Int32) -> String? {
        guard lua_getmetatable(L, index) != 0 else { return nil }
        defer { lua_pop(L, 1) }
        guard lua_getfield(L, -1, "__name") == LUA_TSTRING else { lua_pop(L, 1); return nil }
        defer { lua_pop(L, 1) }
        return String(cString: lua_tolstring(L, -1, nil))
    }

    // Pushing.
    @inlinable public func pushNil() { lua_pushnil(L) }
    @inlinable public func push(_ value: Bool) { lua_pushboolean(L, value ? 1 : 0) }
    @inlinable public func push(_ value: Int) { lua_pushinteger(L, lua_Integer(value)) }
    @inlinable public func push(_ value: Int64) { lua_pushinteger(L, value) }
    @inlinable public func push(_ value: Double) { lua_pushnumber(L, value) }
    @inlinable public func push(_ value: String) {
        var value = value
        value.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) { lua_pushlstring(L, $0.baseAddress, $0.count) }
        }
    }
    public func push(_ value: some LuaPushable) { value.push(onto: self) }

    /// Pushes a Swift object as userdata of its registered class.
    public func push(object: AnyObject) throws(LuaError) {
        try LuaState.owner(of: L).pushObject(object)
    }

    /// Makes sure `count` more values fit on the stack.
    public func reserve(_ count: Int32) throws(LuaError) {
        guard lua_checkstack(L, count) != 0 else {
            throw LuaError(kind: .conversion, message: "Lua stack overflow (nesting too deep)")
        }
    }

    // Reading.
    public func string(at index: Int32) -> String? {
        guard lua_type(L, index) == LUA_TSTRING else { return nil }
        var length = 0
        guard let bytes = lua_tolstring(L, index, &length) else { return nil }
        return bytes.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    @inlinable public func integer(at index: Int32) -> Int64? {
        var isNumber: Int32 = 0
        let value = lua_tointegerx(L, index, &isNumber)
        return isNumber != 0 && lua_type(L, index) == LUA_TNUMBER ? value : nil
    }

    @inlinable public func number(at index: Int32) -> Double? {
        guard lua_type(L, index) == LUA_TNUMBER else { return nil }
        return lua_tonumberx(L, index, nil)
    }

    /// Reads any value. Tables, functions and userdata come back as references.
    public func value(at index: Int32) -> LuaValue {
        switch lua_type(L, index) {
        case LUA_TNIL, LUA_TNONE: return .nil
        case LUA_TBOOLEAN: return .boolean(lua_toboolean(L, index) != 0)
        case LUA_TNUMBER:
            if lua_isinteger(L, index) != 0 { return .integer(lua_tointegerx(L, index, nil)) }
            return .number(lua_tonumberx(L, index, nil))
        case LUA_TSTRING: return .string(string(at: index) ?? "")
        case LUA_TTABLE: return .table(LuaTable(reference: LuaReference(L, index)))
        case LUA_TFUNCTION: return .function(LuaFunction(reference: LuaReference(L, index)))
        default: return .other(LuaReference(L, index))
        }
    }
}

// MARK: - Conversions

/// A Swift type that can be handed to Lua.
public protocol LuaPushable {
    func push(onto stack: LuaStack)
}

/// A Swift type that can be read back from a Lua value.
public protocol LuaPullable {
    static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Self
}

extension LuaPullable {
    static func mismatch(_ expected: String, _ stack: LuaStack, _ index: Int32) -> LuaError {
        LuaError(kind: .conversion, message: "\(expected) expected, got \(stack.typeName(at: index))")
    }
}

extension Bool: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) { stack.push(self) }
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Bool {
        guard stack.type(at: index) == LUA_TBOOLEAN else { throw mismatch("boolean", stack, index) }
        return lua_toboolean(stack.L, index) != 0
    }
}

extension Int: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) { stack.push(self) }
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Int {
        guard let value = stack.integer(at: index) else { throw mismatch("integer", stack, index) }
        return Int(value)
    }
}

extension Int64: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) { stack.push(self) }
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Int64 {
        guard let value = stack.integer(at: index) else { throw mismatch("integer", stack, index) }
        return value
    }
}

extension Double: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) { stack.push(self) }
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Double {
        guard let value = stack.number(at: index) else { throw mismatch("number", stack, index) }
        return value
    }
}

extension String: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) { stack.push(self) }
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> String {
        guard let value = stack.string(at: index) else { throw mismatch("string", stack, index) }
        return value
    }
}

extension Optional: LuaPushable where Wrapped: LuaPushable {
    public func push(onto stack: LuaStack) {
        if let value = self { value.push(onto: stack) } else { stack.pushNil() }
    }
}

extension Optional: LuaPullable where Wrapped: LuaPullable {
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> Wrapped? {
        if stack.type(at: index) <= LUA_TNIL { return nil }
        return try Wrapped.pull(from: stack, at: index)
    }
}

/// Swift arrays become sequences (1...n); a Lua sequence reads back as an array.
extension Array: LuaPushable where Element: LuaPushable {
    public func push(onto stack: LuaStack) {
        _ = lua_checkstack(stack.L, 3)
        lua_createtable(stack.L, Int32(clamping: count), 0)
        for (offset, element) in enumerated() {
            element.push(onto: stack)
            lua_rawseti(stack.L, -2, lua_Integer(offset + 1))
        }
    }
}

extension Array: LuaPullable where Element: LuaPullable {
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> [Element] {
        guard stack.type(at: index) == LUA_TTABLE else { throw mismatch("table", stack, index) }
        let table = lua_absindex(stack.L, index)
        try stack.reserve(2)
        let count = lua_rawlen(stack.L, table)
        var result: [Element] = []
        result.reserveCapacity(Int(count))
        for position in 0..<count {
            lua_rawgeti(stack.L, table, lua_Integer(position + 1))
            defer { lua_pop(stack.L, 1) }
            do {
                result.append(try Element.pull(from: stack, at: -1))
            } catch {
                throw LuaError(kind: .conversion, message: "item \(position + 1): \(error.message)")
            }
        }
        return result
    }
}

/// Swift dictionaries become tables with the same keys, and any table reads back as a dictionary.
extension Dictionary: LuaPushable where Key: LuaPushable, Value: LuaPushable {
    public func push(onto stack: LuaStack) {
        _ = lua_checkstack(stack.L, 4)
        lua_createtable(stack.L, 0, Int32(clamping: count))
        for (key, value) in self {
            key.push(onto: stack)
            // A nil or NaN key cannot go into a table (and would raise): skip it.
            let keyType = lua_type(stack.L, -1)
            if keyType == LUA_TNIL || (keyType == LUA_TNUMBER && lua_isinteger(stack.L, -1) == 0
                                        && lua_tonumberx(stack.L, -1, nil).isNaN) {
                lua_pop(stack.L, 1)
                continue
            }
            value.push(onto: stack)
            lua_rawset(stack.L, -3)
        }
    }
}

extension Dictionary: LuaPullable where Key: LuaPullable, Value: LuaPullable {
    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> [Key: Value] {
        guard stack.type(at: index) == LUA_TTABLE else { throw mismatch("table", stack, index) }
        let table = lua_absindex(stack.L, index)
        try stack.reserve(3)
        var result: [Key: Value] = [:]
        lua_pushnil(stack.L)
        while lua_next(stack.L, table) != 0 {
            defer { lua_pop(stack.L, 1) }
            // Read keys from a copy: converting a number key in place would break lua_next.
            lua_pushvalue(stack.L, -2)
            defer { lua_pop(stack.L, 1) }
            let key = try Key.pull(from: stack, at: -1)
            result[key] = try Value.pull(from: stack, at: -2)
        }
        return result
    }
}

extension LuaValue: LuaPushable, LuaPullable {
    public func push(onto stack: LuaStack) {
        switch self {
        case .nil: stack.pushNil()
        case .boolean(let value): stack.push(value)
        case .integer(let value): stack.push(value)
        case .number(let value): stack.push(value)
        case .string(let value): stack.push(value)
        case .table(let table): table.reference.push(onto: stack)
        case .function(let function): function.reference.push(onto: stack)
        case .other(let reference): reference.push(onto: stack)
        }
    }

    public static func pull(from stack: LuaStack, at index: Int32) throws(LuaError) -> LuaValue {
        stack.value(at: index)
    }
}

extension LuaValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .boolean(value) }
    public init(integerLiteral value: Int64) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
}

// MARK: - Building tables

extension LuaStack {
    /// Pushes a new empty table, sized for `arrayCount` items and `recordCount` fields.
    @inlinable public func newTable(arrayCount: Int = 0, recordCount: Int = 0) {
        lua_createtable(L, Int32(clamping: arrayCount), Int32(clamping: recordCount))
    }

    /// Pops the value on top into field `name` of the table just below it (raw: no metamethods).
    public func setField(_ name: String) {
        push(name)
        lua_rotate(L, -2, 1)
        lua_rawset(L, -3)
    }

    /// Pops the value on top into item `position` (1-based) of the table just below it (raw).
    @inlinable public func setItem(_ position: Int) {
        lua_rawseti(L, -2, lua_Integer(position))
    }

    /// Pops the key and value on top into the table just below them (raw). A nil or NaN key is
    /// dropped rather than raising.
    public func setPair() {
        let keyType = lua_type(L, -2)
        if keyType == LUA_TNIL || (keyType == LUA_TNUMBER && lua_isinteger(L, -2) == 0 && lua_tonumberx(L, -2, nil).isNaN) {
            lua_settop(L, -3)
            return
        }
        lua_rawset(L, -3)
    }

    @inlinable public func pop(_ count: Int32 = 1) { lua_settop(L, -count - 1) }

    /// Pushes a copy of the value at `index`.
    @inlinable public func pushCopy(of index: Int32) { lua_pushvalue(L, index) }

    /// The Swift object of any registered class at `index`, or nil.
    public func object(at index: Int32) -> AnyObject? {
        guard let pointer = dossier_to_any_object(L, index) else { return nil }
        return Unmanaged<AnyObject>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// `t[key]` read raw from the table at `index`; the value is pushed.
    @discardableResult
    public func rawField(_ name: String, of index: Int32) -> Int32 {
        let table = lua_absindex(L, index)
        push(name)
        return lua_rawget(L, table)
    }

    /// `t[position]` read raw; the value is pushed.
    @discardableResult
    @inlinable public func rawItem(_ position: Int, of index: Int32) -> Int32 {
        lua_rawgeti(L, index, lua_Integer(position))
    }

    /// The border of the table at `index` (`#t` without metamethods).
    @inlinable public func rawLength(of index: Int32) -> Int { Int(lua_rawlen(L, index)) }

    /// Iterates over the table at `index` raw, calling `body` with the stack positions of key and value.
    public func forEachPair(of index: Int32, _ body: (Int32, Int32) throws -> Void) rethrows {
        let table = lua_absindex(L, index)
        lua_pushnil(L)
        while lua_next(L, table) != 0 {
            let top = lua_gettop(L)
            try body(top - 1, top)
            lua_settop(L, top - 1)
        }
    }

    /// Calls the function at `index` with the values pushed after it, protected; returns its results.
    public func call(function index: Int32, arguments: Int32, state: LuaState) throws(LuaError) -> [LuaValue] {
        let base = lua_absindex(L, index) - 1
        do throws(LuaError) {
            try state.protected { dossier_pcall(L, arguments, CLUA_MULTRET) }
        } catch {
            lua_settop(L, base)
            throw error
        }
        let top = lua_gettop(L)
        let results = top > base ? (base + 1...top).map { value(at: $0) } : []
        lua_settop(L, base)
        return results
    }
}
