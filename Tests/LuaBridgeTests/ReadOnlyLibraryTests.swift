import LuaBridge
import Testing

/// Every path through a library of the sandbox gives read-only views: whatever a chunk tries, the next
/// chunk of the same state sees the standard library unchanged.
@Suite("Read-only libraries on every path")
struct ReadOnlyLibraryTests {
    /// What a later chunk checks: the functions the attacks aim at are the real ones, and still work.
    static let intact = """
        assert(string.upper("a") == "A" and ("b"):upper() == "B", "string.upper changed")
        assert(math.floor(2.5) == 2, "math.floor changed")
        local t = {} table.insert(t, 1) assert(t[1] == 1, "table.insert changed")
        assert(coroutine.status(coroutine.create(print)) == "suspended", "coroutine.status changed")
        assert(os.time() > 0 and type(debug.traceback()) == "string", "os or debug changed")
        return true
        """

    /// One attack per path; each must fail with a clear message naming the read-only table.
    @Test(arguments: [
        // pairs hands out (key, value) pairs and an iterator state: none of them is the real table.
        ("pairs", "for _, lib in pairs({string, table, coroutine}) do local _, state = pairs(lib) state.upper = nil end",
         "attempt to modify read-only table"),
        ("pairs state rawset", "local _, state = pairs(string) rawset(state, 'upper', nil)",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("pairs iterator", "local step, state = pairs(table) local k, v = step(state) rawset(state, k, nil)",
         "attempt to modify read-only table 'table'"),
        ("next", "local t = next(string) assert(t == nil, 'next saw a field') string.upper = nil",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("rawget", "assert(rawget(string, 'upper') == nil) rawset(string, 'upper', print)",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("getmetatable", "local mt = getmetatable(string) assert(mt == false) getmetatable(table).__index.insert = nil",
         "attempt to index a boolean value"),
        ("string metatable", "local mt = getmetatable('') mt.__index.upper = nil",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("string metatable pairs", "for k, v in pairs(getmetatable('')) do rawset(v, 'upper', nil) end",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("__index chain", "local s = getmetatable('').__index local m = getmetatable(s) s.upper = nil",
         "attempt to modify read-only table 'string' (field 'upper')"),
        ("setmetatable", "setmetatable(coroutine, {})", "cannot change a protected metatable"),
        ("table functions", "table.insert(table, 'x')", "attempt to modify read-only table 'table' (field '1')"),
        ("table.remove", "table.remove(coroutine)", "attempt to modify read-only table 'coroutine'"),
        ("table.move", "table.move({print}, 1, 1, 1, math)", "attempt to modify read-only table 'math' (field '1')"),
        ("assignment", "coroutine.status = nil", "attempt to modify read-only table 'coroutine' (field 'status')"),
        ("load", "load('math.floor = nil', '=attack.lua')()", "attempt to modify read-only table 'math' (field 'floor')"),
        ("os copy", "local _, state = pairs(os) rawset(state, 'time', nil)", "attempt to modify read-only table 'os'"),
    ])
    func attacksFailAndChangeNothing(path: String, code: String, expected: String) throws {
        let state = try LuaState()
        let error = try #require(luaError { try state.run(code, name: "=attack.lua") }, "\(path): no error")
        #expect(error.message.contains(expected), "\(path): \(error.message)")
        #expect(error.chunk == "attack.lua", "\(path): \(error.message)")
        #expect(try state.run(ReadOnlyLibraryTests.intact, name: "=later.lua") == [.boolean(true)], "\(path)")
    }

    @Test func pairsListsTheLibraryAsItIs() throws {
        let state = try LuaState()
        let results = try state.run("""
            local n, kinds = 0, {}
            for name, value in pairs(string) do n = n + 1 kinds[type(value)] = true end
            return n, kinds["function"] == true, kinds.table == nil, #utf8.charpattern > 0
            """)
        #expect(results.first?.integerValue ?? 0 >= 16)
        #expect(Array(results.dropFirst()) == [.boolean(true), .boolean(true), .boolean(true)])
    }

    @Test func nestedTablesAreViewsToo() throws {
        let state = try LuaState()
        // A library holding a table (the string metatable's view holds the string library).
        let error = try #require(luaError {
            try state.run("""
                for key, value in pairs(getmetatable("")) do
                  assert(type(value) == "table" and getmetatable(value) == false, "a nested table is not a view")
                  for name in pairs(value) do value[name] = nil end
                end
                """, name: "=nested.lua")
        })
        #expect(error.message.contains("attempt to modify read-only table 'string'"), "\(error.message)")
        #expect(try state.run(ReadOnlyLibraryTests.intact) == [.boolean(true)])
    }

    @Test func theStringMetatableStaysHidden() throws {
        let state = try LuaState()
        let results = try state.run("""
            local mt = getmetatable("")
            return rawget(mt, "__index") == nil, rawequal(mt.__index, string), next(mt) == nil
            """)
        #expect(results == [.boolean(true), .boolean(true), .boolean(true)])
    }
}
