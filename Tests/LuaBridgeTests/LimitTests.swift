import Dispatch
import LuaBridge
import Testing

@Suite("Time and memory limits")
struct LimitTests {
    static let short = LuaLimits(memoryMiB: 64, timeSeconds: 0.3)

    @Test(arguments: [
        ("while true do end", 1),
        ("while true do pcall(function() while true do end end) end", 1),
        ("local co = coroutine.wrap(function() while true do end end)\nco()", 1),
        ("local co = coroutine.create(function() local n = 0 while true do n = n + 1 end end)\nprint(coroutine.resume(co))", 1),
        ("local function spin() while true do end end\nwhile true do pcall(spin) pcall(error) end", 2),
        ("local co = coroutine.wrap(function() while true do coroutine.yield() end end)\nwhile true do co() end", 1),
    ])
    func loopsStopAtTheDeadline(code: String, line: Int) throws {
        let state = try LuaState(options: LuaOptions(limits: LimitTests.short))
        let started = DispatchTime.now()
        let error = try #require(luaError { try state.run(code, name: "=loop.lua") })
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        #expect(error.kind == .timeLimit)
        #expect(error.reason == "time limit of 0.3 s exceeded")
        #expect(error.chunk == "loop.lua")
        #expect(error.line != nil)
        #expect(elapsed >= 0.25)
        #expect(elapsed < 5)
        // The same state runs the next script normally, with a fresh deadline.
        #expect(try state.run("local n = 0 for i = 1, 1000 do n = n + i end return n") == [.integer(500500)])
    }

    @Test func noHookRunsBeforeTheDeadline() throws {
        let state = try LuaState(options: LuaOptions(profile: .trusted, limits: LuaLimits(timeSeconds: 60)))
        let results = try state.run("return debug.gethook()")
        #expect(results.first == .nil)
    }

    @Test func aStopFromAnotherThreadInterruptsTheScript() throws {
        let state = try LuaState(options: LuaOptions(limits: LuaLimits(timeSeconds: nil)))
        let handle = state.interruptHandle
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.2) { handle.interrupt() }
        let error = try #require(luaError { try state.run("while true do end", name: "=spin.lua") })
        #expect(error.kind == .interrupted)
        #expect(error.message.hasPrefix("spin.lua:1: interrupted"))
        #expect(try state.run("return 1") == [.integer(1)])
    }

    @Test(arguments: [
        "local s = string.rep('x', 2^30)",
        "local t = {}\nwhile true do t[#t + 1] = {} end",
        "local s = 'x'\nwhile true do s = s .. s end",
        "local t = {}\nwhile true do pcall(function() t[#t + 1] = string.rep('y', 1e6) end) end",
        "collectgarbage('stop')\nlocal t = {}\nwhile true do t[#t + 1] = {} end",
    ])
    func memoryHogsEndWithTheCapMessage(code: String) throws {
        let state = try LuaState(options: LuaOptions(profile: .trusted, limits: LuaLimits(memoryMiB: 32, timeSeconds: 30)))
        let error = try #require(luaError { try state.run(code, name: "=hog.lua") })
        #expect(error.kind == .memoryLimit)
        #expect(error.reason == "memory limit of 32 MiB exceeded")
        #expect(error.chunk == "hog.lua")
        // Only the host's own few bytes (the error message) may go past the cap.
        #expect(state.memoryPeak <= 32 * 1024 * 1024 + 4096)
        // Memory comes back and the state carries on.
        #expect(try state.run("collectgarbage() return #string.rep('z', 1000)") == [.integer(1000)])
    }

    @Test func aHugeRepeatIsRefusedClearly() throws {
        let state = try LuaState()
        let error = try #require(luaError { try state.run("return string.rep('x', 2^31)", name: "=rep.lua") })
        #expect(error.message.hasPrefix("rep.lua:1:"))
        #expect(try state.run("return 1") == [.integer(1)])
    }

    @Test func deepRecursionEndsWithStackOverflow() throws {
        let state = try LuaState()
        let error = try #require(luaError { try state.run("local function f() return 1 + f() end\nreturn f()", name: "=deep.lua") })
        #expect(error.kind == .runtime)
        #expect(error.message.contains("stack overflow"))
        #expect(try state.run("return 2") == [.integer(2)])
    }

    @Test func deepRecursionThroughSwiftEndsWithAnError() throws {
        let state = try LuaState()
        try state.run("function again(n) return call_swift(n + 1) end", environment: state.globals)
        let again = try #require(try state.global("again").functionValue)
        try state.register("call_swift") { arguments in
            let n = try arguments.integer(1)
            let results = try again.call(n)
            arguments.push(results.first ?? .nil)
            return 1
        }
        let error = try #require(luaError { try state.run("return again(0)", environment: state.globals) })
        #expect(error.message.contains("stack overflow"))
    }

    @Test func hostAllocationsMayOvershootWhileSwiftRuns() throws {
        let state = try LuaState(options: LuaOptions(limits: LuaLimits(memoryMiB: 4, timeSeconds: 10)))
        try state.register("big") { arguments in
            arguments.push(Array(repeating: "0123456789abcdef", count: 400_000))
            return 1
        }
        // The host's table overshoots the cap; the cap is enforced as control returns to Lua.
        let error = try #require(luaError { try state.run("local t = big()\nreturn #t", name: "=big.lua", environment: state.globals) })
        #expect(error.kind == .memoryLimit)
        #expect(error.message.hasPrefix("big.lua:1: memory limit of 4 MiB exceeded"))
    }
}
