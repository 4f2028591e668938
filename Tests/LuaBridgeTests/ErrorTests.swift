import Foundation
import LuaBridge
import Testing

@Suite("Errors: raised after Swift returns, reported with chunk, line and traceback")
struct ErrorTests {
    @Test func aLuaErrorReachesTheHostWithItsPosition() throws {
        let state = try LuaState()
        let error = try #require(luaError {
            try state.run("local x = 1\nlocal y = nil\nreturn y.field", name: "=plugin.lua")
        })
        #expect(error.kind == .runtime)
        #expect(error.chunk == "plugin.lua")
        #expect(error.line == 3)
        #expect(error.reason == "attempt to index a nil value (local 'y')")
        #expect(error.traceback?.contains("stack traceback:") == true)
        #expect(error.traceback?.contains("plugin.lua:3: in main chunk") == true)
    }

    @Test func syntaxErrorsNameTheChunkAndLine() throws {
        let state = try LuaState()
        let error = try #require(luaError { _ = try state.load(string: "local x = \n\n = 2", name: "=broken.lua") })
        #expect(error.kind == .syntax)
        #expect(error.chunk == "broken.lua")
        #expect(error.line == 3)
    }

    @Test func fileChunksAreNamedByTheirPathFromTheWorkingDirectory() throws {
        // Lua shortens file names past 60 characters: keep this one short.
        let folder = FileManager.default.currentDirectoryPath + "/.build/tc\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/failing.lua"
        try "local a = 1\nerror('broken on purpose')\n".write(toFile: path, atomically: true, encoding: .utf8)
        let state = try LuaState()
        let error = try #require(luaError { try state.run(file: path) })
        let relative = String(path.dropFirst(FileManager.default.currentDirectoryPath.count + 1))
        #expect(error.chunk == relative)
        #expect(error.line == 2)
        #expect(error.message == "\(relative):2: broken on purpose")
        let missing = try #require(luaError { try state.run(file: folder + "/absent.lua") })
        #expect(missing.kind == .file)
        #expect(missing.message.contains("absent.lua"))
    }

    @Test func aSwiftErrorBecomesALuaErrorAtTheCallersLine() throws {
        struct Refused: Error, CustomStringConvertible { var description: String { "refused by the host" } }
        let state = try LuaState()
        try state.register("fail") { _ in throw Refused() }
        let results = try state.run("""
            local ok, message = pcall(function() fail() end)
            return ok, message
            """, name: "=caller.lua", environment: state.globals)
        #expect(results == [.boolean(false), .string("caller.lua:1: refused by the host")])
        let error = try #require(luaError { try state.run("\nfail()", name: "=top.lua", environment: state.globals) })
        #expect(error.message == "top.lua:2: refused by the host")
        #expect(error.traceback?.contains("[C]: in function 'fail'") == true)
    }

    @Test func badArgumentsReadLikeLuasOwn() throws {
        let state = try LuaState()
        try state.register("double") { arguments in
            arguments.push(try arguments.integer(1) * 2)
            return 1
        }
        let error = try #require(luaError { try state.run("return double('x')", name: "=args.lua", environment: state.globals) })
        #expect(error.message == "args.lua:1: bad argument #1 to 'double' (number expected, got string)")
        #expect(try state.run("return double(21)", environment: state.globals) == [.integer(42)])
    }

    @Test func raisingATableKeepsTheValueInLua() throws {
        let state = try LuaState()
        try state.register("fail_with_table") { arguments in
            throw LuaRaise(state.value(["code": 7]))
        }
        let results = try state.run("""
            local ok, err = pcall(fail_with_table)
            return ok, type(err), err.code
            """, environment: state.globals)
        #expect(results == [.boolean(false), .string("table"), .integer(7)])
    }

    @Test func nonStringErrorObjectsBecomeText() throws {
        let state = try LuaState()
        let table = try #require(luaError { try state.run("error({})") })
        #expect(table.message == "(error object is a table value)")
        let withText = try #require(luaError {
            try state.run("error(setmetatable({}, {__tostring = function() return 'custom error' end}))")
        })
        #expect(withText.message == "custom error")
        let failing = try #require(luaError {
            try state.run("error(setmetatable({}, {__tostring = function() error('boom') end}))")
        })
        #expect(failing.message == "(error object is a table value)")
        let nothing = try #require(luaError { try state.run("error()") })
        #expect(nothing.message == "(error object is a nil value)")
        let number = try #require(luaError { try state.run("error(42)") })
        #expect(number.message == "42")
        // The host carries on.
        #expect(try state.run("return 'alive'") == [.string("alive")])
    }

    @Test func errorsInsideNestedCallsKeepTheirOrigin() throws {
        let state = try LuaState()
        let callback = try #require(try state.run("return function() error('inner failure') end", name: "=inner.lua")
            .first?.functionValue)
        try state.register("call_back") { _ in
            try callback.call()
            return 0
        }
        let error = try #require(luaError { try state.run("call_back()", name: "=outer.lua", environment: state.globals) })
        #expect(error.message == "inner.lua:1: inner failure")
    }
}
