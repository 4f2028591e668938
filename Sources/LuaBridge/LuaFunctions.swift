import CLua
import CLuaSupport

/// The arguments of a Swift function called from Lua, and the place to push its results.
///
/// Reading an argument of the wrong type throws an error that reads like Lua's own
/// (`bad argument #1 to 'visits' (table expected, got string)`); it is raised in Lua after the Swift
/// function has returned.
public struct LuaArguments {
    public let stack: LuaStack
    /// How many arguments Lua passed.
    public let count: Int32

    @inlinable init(_ L: OpaquePointer) {
        stack = LuaStack(L)
        count = lua_gettop(L)
    }

    public var L: OpaquePointer { stack.L }

    /// The argument at `index` (1-based) as any value.
    public subscript(index: Int32) -> LuaValue { stack.value(at: index) }

    /// The argument at `index` as a `T`, or a Lua-style "bad argument" error.
    public func get<T: LuaPullable>(_ index: Int32, as type: T.Type = T.self) throws(LuaError) -> T {
        do {
            return try T.pull(from: stack, at: index)
        } catch {
            throw badArgument(index, error.message)
        }
    }

    /// The argument at `index` as a `T`, or `defaultValue` when it is nil or absent.
    public func get<T: LuaPullable>(_ index: Int32, default defaultValue: T) throws(LuaError) -> T {
        stack.type(at: index) <= LUA_TNIL ? defaultValue : try get(index, as: T.self)
    }

    @inlinable public func integer(_ index: Int32) throws(LuaError) -> Int64 {
        if let value = stack.integer(at: index) { return value }
        throw badArgument(index, "number has no integer representation", expected: "number")
    }

    @inlinable public func number(_ index: Int32) throws(LuaError) -> Double {
        if let value = stack.number(at: index) { return value }
        throw badArgument(index, "number expected, got \(stack.typeName(at: index))")
    }

    public func string(_ index: Int32) throws(LuaError) -> String {
        if let value = stack.string(at: index) { return value }
        throw badArgument(index, "string expected, got \(stack.typeName(at: index))")
    }

    /// The Swift object of class `T` passed as argument `index`.
    public func object<T: AnyObject>(_ index: Int32, as type: T.Type = T.self) throws(LuaError) -> T {
        let state = LuaState.owner(of: L)
        if let ref = state.classes[ObjectIdentifier(type)] {
            lua_rawgeti(L, CLUA_REGISTRYINDEX, lua_Integer(ref))
            let object = dossier_to_object(L, index, -1)
            lua_pop(L, 1)
            if let object { return Unmanaged<T>.fromOpaque(object).takeUnretainedValue() }
        }
        let expected = state.className(of: type) ?? String(describing: type)
        throw badArgument(index, "\(expected) expected, got \(stack.typeName(at: index))")
    }

    /// Builds the error Lua's auxiliary library would give for a bad argument, naming the function.
    public func badArgument(_ index: Int32, _ problem: String, expected: String? = nil) -> LuaError {
        if let expected, stack.type(at: index) != LUA_TNUMBER {
            return badArgument(index, "\(expected) expected, got \(stack.typeName(at: index))")
        }
        var record = lua_Debug()
        var name = "?"
        var argument = index
        if lua_getstack(L, 0, &record) != 0 {
            _ = lua_getinfo(L, "n", &record)
            if let namewhat = record.namewhat, String(cString: namewhat) == "method" {
                argument -= 1
                if argument == 0 {
                    return LuaError(kind: .runtime, message: "calling '\(record.name.map { String(cString: $0) } ?? "?")' on bad self (\(problem))")
                }
            }
            if let recordName = record.name { name = String(cString: recordName) }
        }
        return LuaError(kind: .runtime, message: "bad argument #\(argument) to '\(name)' (\(problem))")
    }

    /// Pushes a result; return how many you pushed from the function.
    @inlinable public func push(_ value: some LuaPushable) { value.push(onto: stack) }
    @inlinable public func push(_ value: Int64) { lua_pushinteger(L, value) }
    @inlinable public func pushNil() { lua_pushnil(L) }
    public func push(object: AnyObject) throws(LuaError) { try stack.push(object: object) }
}

/// The body of a Swift function callable from Lua: reads its arguments, pushes its results, and
/// returns how many it pushed. A thrown error becomes a Lua error raised after the body has returned.
public typealias LuaFunctionBody = (LuaArguments) throws -> Int32

final class FunctionBox {
    let body: LuaFunctionBody
    init(_ body: @escaping LuaFunctionBody) { self.body = body }
}

extension LuaState {
    static let callbacksInstalled: Bool = {
        dossier_install_callbacks(
            { L, box in
                guard let L, let box else { return Int32(DOSSIER_RAISE_VALUE) }
                // The Lua closure on the stack keeps the box alive for the call: no retain needed.
                return Unmanaged<FunctionBox>.fromOpaque(box)._withUnsafeGuaranteedRef { function in
                    do {
                        return try function.body(LuaArguments(L))
                    } catch {
                        return LuaState.pushError(error, L)
                    }
                }
            },
            { L, classBox, object, property in
                guard let L, let classBox, let object else { return 0 }
                return Unmanaged<LuaPropertyTable>.fromOpaque(classBox)._withUnsafeGuaranteedRef { table in
                    do {
                        try table.getters[Int(property)](object, LuaStack(L))
                        return 1
                    } catch {
                        return LuaState.pushError(error, L)
                    }
                }
            },
            { box in
                guard let box else { return }
                Unmanaged<AnyObject>.fromOpaque(box).release()
            })
        return true
    }()

    static func installCallbacks() { _ = callbacksInstalled }

    /// Pushes a Swift error as the Lua error value; the trampoline raises it.
    static func pushError(_ error: any Error, _ L: OpaquePointer) -> Int32 {
        _ = lua_checkstack(L, 2)
        if let raise = error as? LuaRaise {
            raise.value.push(onto: LuaStack(L))
            return Int32(DOSSIER_RAISE_VALUE)
        }
        if let luaError = error as? LuaError {
            LuaStack(L).push(luaError.message)
            // Errors from nested Lua calls already carry their position.
            return Int32(luaError.kind == .conversion || luaError.chunk == nil ? DOSSIER_RAISE_WITH_POSITION : DOSSIER_RAISE_VALUE)
        }
        LuaStack(L).push(String(describing: error))
        return Int32(DOSSIER_RAISE_WITH_POSITION)
    }

    /// Makes a Lua function that runs a Swift body.
    public func function(_ body: @escaping LuaFunctionBody) -> LuaValue {
        pushFunction(body)
        defer { lua_pop(L, 1) }
        return LuaStack(L).value(at: -1)
    }

    /// Makes a Lua function from a Swift closure over values: convenient, slower than `function(_:)`.
    public func function(values body: @escaping ([LuaValue]) throws -> [LuaValue]) -> LuaValue {
        function { arguments in
            let values = (0..<arguments.count).map { arguments[$0 + 1] }
            let results = try body(values)
            guard lua_checkstack(arguments.L, Int32(results.count)) != 0 else {
                throw LuaError(kind: .runtime, message: "too many results")
            }
            for result in results { result.push(onto: arguments.stack) }
            return Int32(results.count)
        }
    }

    func pushFunction(_ body: @escaping LuaFunctionBody) {
        let box = Unmanaged.passRetained(FunctionBox(body))
        dossier_push_swift_function(L, box.toOpaque())
    }

    /// Sets global `name` (of the host's globals) to a Swift function.
    public func register(_ name: String, _ body: @escaping LuaFunctionBody) throws(LuaError) {
        try setGlobal(name, function(body))
    }
}
