import Foundation
import LuaBridge
import Testing

@Suite("Values cross the bridge both ways")
struct ValueTests {
    let state: LuaState

    init() throws { state = try LuaState() }

    @Test func scalarsFromLua() throws {
        let values = try state.run("return nil, true, false, 42, -7, 2.5, 'text', math.maxinteger, math.mininteger")
        #expect(values == [.nil, .boolean(true), .boolean(false), .integer(42), .integer(-7), .number(2.5),
                           .string("text"), .integer(Int64.max), .integer(Int64.min)])
    }

    @Test func scalarsToLuaAndBack() throws {
        let echo = try #require(try state.run("return function(...) return ... end").first?.functionValue)
        let results = try echo.call(true, Int64.max, Int64.min, 0.1, "héllo", LuaValue.nil)
        #expect(results == [.boolean(true), .integer(Int64.max), .integer(Int64.min), .number(0.1),
                            .string("héllo"), .nil])
        // Integers stay integers and floats stay floats in Lua.
        let types = try state.run("local f = ... return math.type(3), math.type(3.0)")
        #expect(types == [.string("integer"), .string("float")])
    }

    @Test func stringsKeepEmbeddedNulBytesAndUTF8() throws {
        let text = "a\u{0}b\u{0}Việt Nam — 北朝鮮"
        try state.setGlobal("s", text)
        let results = try state.run("return #s, s, s:byte(2)", environment: state.globals)
        #expect(results[0] == .integer(Int64(text.utf8.count)))
        #expect(results[1] == .string(text))
        #expect(results[2] == .integer(0))
        let fromLua = try state.run("return 'x\\0y'")
        #expect(fromLua == [.string("x\u{0}y")])
    }

    @Test func arraysAndDictionariesBecomeTablesAndBack() throws {
        try state.setGlobal("list", ["a", "b", "c"])
        try state.setGlobal("counts", ["Vietnam": 3, "DPRK": 2])
        let results = try state.run("return #list, list[1], list[3], counts.Vietnam, counts.DPRK",
                                    environment: state.globals)
        #expect(results == [.integer(3), .string("a"), .string("c"), .integer(3), .integer(2)])

        let table = try #require(try state.run("return {10, 20, 30}").first?.tableValue)
        #expect(try table.decode(as: [Int].self) == [10, 20, 30])
        let map = try #require(try state.run("return {x = 1.5, y = 2}").first?.tableValue)
        #expect(try map.decode(as: [String: Double].self) == ["x": 1.5, "y": 2])
        let nested = try #require(try state.run("return {{1, 2}, {3}}").first?.tableValue)
        #expect(try nested.decode(as: [[Int]].self) == [[1, 2], [3]])
    }

    @Test func decodingTheWrongShapeIsAnError() throws {
        let table = try #require(try state.run("return {1, 'two', 3}").first?.tableValue)
        let error = luaError { _ = try table.decode(as: [Int].self) }
        #expect(error?.kind == .conversion)
        #expect(error?.message.contains("item 2") == true)
    }

    @Test func swiftClosuresTakeAndReturnAnyNumberOfValues() throws {
        try state.register("sum_and_count") { arguments in
            var total = 0.0
            for index in 1...max(arguments.count, 1) where arguments.count > 0 {
                total += try arguments.number(Int32(index))
            }
            arguments.push(total)
            arguments.push(Int(arguments.count))
            arguments.pushNil()
            return 3
        }
        let results = try state.run("return sum_and_count(1, 2, 3.5)", environment: state.globals)
        #expect(results == [.number(6.5), .integer(3), .nil])
        let none = try state.run("return select('#', sum_and_count())", environment: state.globals)
        #expect(none == [.integer(3)])

        let swap = state.function(values: { values in values.reversed() })
        try state.setGlobal("swap", swap)
        #expect(try state.run("return swap(1, 'b', true)", environment: state.globals)
                == [.boolean(true), .string("b"), .integer(1)])
    }

    @Test func luaFunctionsAreCallableFromSwift() throws {
        let function = try #require(try state.run("""
            return function(a, b) return a + b, a .. b, nil end
            """).first?.functionValue)
        let results = try function.call(2, 3)
        #expect(results == [.integer(5), .string("23"), .nil])
    }

    @Test func tablesReadAndWriteThroughMetamethodsFromSwift() throws {
        let table = try #require(try state.run("""
            local store = {}
            return setmetatable({}, {
              __index = function(_, key) return "computed " .. key end,
              __newindex = function(_, key, value) store[key] = value * 2 end,
            }), store
            """).first?.tableValue)
        #expect(try table.get("x") == .string("computed x"))
        try table.set("y", 21)
        #expect(try table.rawGet("y") == .nil)
    }

    @Test func metamethodErrorsOnHostSideOperationsComeBackAsErrors() throws {
        let table = try #require(try state.run("""
            return setmetatable({}, {
              __index = function() error("no reading") end,
              __newindex = function() error("no writing") end,
            })
            """).first?.tableValue)
        #expect(luaError { _ = try table.get("x") }?.message.contains("no reading") == true)
        #expect(luaError { try table.set("x", 1) }?.message.contains("no writing") == true)
        // The state is still usable.
        #expect(try state.run("return 1 + 1") == [.integer(2)])
    }

    @Test func tablesInsideTablesStayReferences() throws {
        let deep = try #require(try state.run("""
            local t = {}
            local node = t
            for _ = 1, 100000 do node[1] = {} node = node[1] end
            return t
            """).first?.tableValue)
        // Reading a deep table gives references, level by level, never a recursive copy.
        let items = try deep.decode(as: [LuaValue].self)
        #expect(items.count == 1)
        #expect(items.first?.tableValue != nil)
        #expect(try deep.pairs().count == 1)
    }

    @Test func tostringAndConcatRunMetamethodsProtected() throws {
        let values = try state.run("""
            local named = setmetatable({}, {__tostring = function() return "Named" end,
                                             __concat = function(a, b) return "joined" end})
            local broken = setmetatable({}, {__tostring = function() error("no text") end})
            return named, broken
            """)
        #expect(try state.tostring(values[0]) == "Named")
        #expect(try state.tostring(3.0) == "3.0")
        #expect(try state.concat([values[0], "x"]) == .string("joined"))
        #expect(try state.concat(["a", 1, 2.5]) == .string("a12.5"))
        #expect(luaError { _ = try state.tostring(values[1]) }?.message.contains("no text") == true)
        #expect(luaError { _ = try state.concat(["a", LuaValue.boolean(true)]) }?.message.contains("concatenate") == true)
    }

    @Test func theSandboxLoadsOnlyTextChunks() throws {
        // Bytecode is not UTF-8 text, so it goes through a file.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString).luac").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let trusted = try LuaState(options: LuaOptions(profile: .trusted))
        try trusted.setGlobal("PATH", path)
        try trusted.run("""
            local file = assert(io.open(PATH, "wb"))
            file:write(string.dump(function() return 7 end))
            file:close()
            """, name: "=write")
        #expect(try trusted.load(file: path).call() == [.integer(7)])
        let error = try #require(luaError { _ = try state.load(file: path) })
        #expect(error.message.contains("attempt to load a binary chunk"))
    }
}
