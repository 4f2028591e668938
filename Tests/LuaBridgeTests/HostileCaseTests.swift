import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import LuaBridge
import Testing

/// Hostile plugin code the host runs itself, outside the script's own call: every piece ends with the
/// limit's error, in time, under the cap. (Code only the backstop can end is in HostileProcessTests.)
@Suite("Hostile cases: limits cover what the host runs")
struct HostileCaseTests {
    /// A short time limit for the loops; a long one for the memory cases, so the cap is what ends them
    /// even on a loaded machine.
    static let timeCase = LuaLimits(memoryMiB: 16, timeSeconds: 0.3)
    static let memoryCase = LuaLimits(memoryMiB: 16, timeSeconds: 30)
    static let cap = 16 * 1024 * 1024
    /// The limit, the backstop's grace, and a second for a machine whose cores are all busy.
    static let slowest = 0.3 + 1 + 1

    func state(_ profile: LuaProfile = .sandbox, for kind: LuaError.Kind = .timeLimit) throws -> LuaState {
        try LuaState(options: LuaOptions(profile: profile, limits: kind == .timeLimit ? HostileCaseTests.timeCase : HostileCaseTests.memoryCase))
    }

    /// Runs `body`, which must fail with `kind` (a time limit within the limit and the grace) under the
    /// cap; the state stays usable.
    func expectStop(_ kind: LuaError.Kind, in state: LuaState, _ body: () throws -> Void) throws {
        let started = DispatchTime.now()
        let failure = luaError(body)
        let error = try #require(failure)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        #expect(error.kind == kind, "\(error.message.prefix(200))")
        if kind == .timeLimit {
            #expect(elapsed < HostileCaseTests.slowest, "took \(elapsed) s")
            #expect(error.reason.hasPrefix("time limit of 0.3 s exceeded"), "\(error.message.prefix(200))")
        }
        if kind == .memoryLimit { #expect(error.message.contains("memory limit of 16 MiB exceeded"), "\(error.message.prefix(200))") }
        #expect(state.memoryPeak <= HostileCaseTests.cap + 64 * 1024, "peak \(state.memoryPeak)")
        #expect(try state.run("return 1 + 1") == [.integer(2)])
    }

    @Test(arguments: [LuaProfile.sandbox, .trusted])
    func aManifestFieldWhoseIndexLoops(profile: LuaProfile) throws {
        let state = try state(profile)
        let table = try #require(try state.run("return setmetatable({}, {__index = function() while true do end end})").first?.tableValue)
        try expectStop(.timeLimit, in: state) { _ = try table.get("run") }
    }

    @Test func aManifestFieldWhoseIndexAllocates() throws {
        let state = try state(for: .memoryLimit)
        let table = try #require(try state.run("""
            local kept = {}
            return setmetatable({}, {__index = function() while true do kept[#kept + 1] = ("z"):rep(64) .. #kept end end})
            """).first?.tableValue)
        try expectStop(.memoryLimit, in: state) { _ = try table.get("title") }
    }

    @Test func aValueWhoseToStringLoopsWhenTheHostConvertsIt() throws {
        let state = try state()
        let value = try #require(try state.run("return setmetatable({}, {__tostring = function() while true do end end})").first)
        try expectStop(.timeLimit, in: state) { _ = try state.tostring(value) }
    }

    @Test func aValueWhoseToStringBuildsAHugeString() throws {
        let state = try state(for: .memoryLimit)
        let value = try #require(try state.run("return setmetatable({}, {__tostring = function() local s = 'x' while true do s = s .. s end end})").first)
        try expectStop(.memoryLimit, in: state) { _ = try state.tostring(value) }
    }

    @Test(arguments: [
        "error(setmetatable({}, {__tostring = function() while true do end end}))",
        "xpcall(function() while true do end end, function() while true do end end)",
        "xpcall(function() error('x') end, function() while true do end end)",
        "local co = coroutine.create(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) coroutine.yield() end)\ncoroutine.resume(co) coroutine.close(co)",
        "coroutine.wrap(function() local x <close> = setmetatable({}, {__close = function() while true do end end}) error('fail') end)()",
        "table.move({}, 1, 2^40, 2)",
        "pcall(table.move, {}, 1, 2^40, 2) while true do end",
    ])
    func codeTheHookOnceMissedStopsAtTheDeadline(code: String) throws {
        let state = try state()
        try expectStop(.timeLimit, in: state) { try state.run(code, name: "=hostile.lua") }
    }

    @Test func anErrorObjectWhoseToStringAllocatesEndsOnTheCap() throws {
        let state = try state(for: .memoryLimit)
        try expectStop(.memoryLimit, in: state) {
            try state.run("error(setmetatable({}, {__tostring = function() local t = {} for i = 1, 1e9 do t[i] = i end end}))")
        }
    }

    @Test func aHugeErrorMessageIsShortenedForTheHost() throws {
        let state = try state()
        let error = try #require(luaError { try state.run("error(('m'):rep(4e6))", name: "=long.lua") })
        let length = error.message.utf8.count
        let shortened = error.message.hasSuffix("... (4000012 bytes in all)")
        #expect(length < 70_000)
        #expect(shortened)
    }

    @Test func oneDeadlineCoversTheWholeSession() throws {
        let state = try LuaState(options: LuaOptions(limits: LuaLimits(memoryMiB: 16, timeSeconds: 1)))
        state.limitWholeSession()
        #expect(try state.run("return 1") == [.integer(1)])
        usleep(1_100_000)
        // Past the deadline, nothing of the script runs any more: not a chunk, not a metamethod.
        #expect(luaError { try state.run("return 2", name: "=late.lua") }?.kind == .timeLimit)
        let table = try state.makeTable()
        #expect(luaError { try table.set("x", 1) } == nil, "a raw write runs no script code")
    }

    @Test func whatTheHostKeepsCountsAgainstTheCap() throws {
        let state = try state(for: .memoryLimit)
        try state.register("keep") { arguments in
            try state.chargeHostMemory(Int(try arguments.integer(1)))
            return 0
        }
        // pcall cannot catch it: the script ends, as when the cap refuses an allocation.
        let error = try #require(luaError {
            try state.run("while true do pcall(keep, 1024 * 1024) end", name: "=keep.lua", environment: state.globals)
        })
        #expect(error.kind == .memoryLimit)
        #expect(error.message.hasPrefix("keep.lua:1: memory limit of 16 MiB exceeded"), "\(error.message)")
    }

    @Test func aHugeCapIsNoCapAndNoCrash() throws {
        let limits = LuaLimits(memoryMiB: 9_000_000_000_000, timeSeconds: 1)
        #expect(limits.memoryBytes == Int.max)
        let state = try LuaState(options: LuaOptions(limits: limits))
        #expect(try state.run("return #('x'):rep(1000)") == [.integer(1000)])
        #expect(LuaLimits(memoryMiB: Int.max, timeSeconds: nil).memoryBytes == Int.max)
    }

    @Test func theBoundedRepeatIsCheapWhereTheStandardOneLoops() throws {
        let state = try state()
        #expect(try state.run("return string.rep('', math.maxinteger), string.rep('ab', 3, ','), ('x'):rep(0), #string.rep('', 5, '-')") ==
                [.string(""), .string("ab,ab,ab"), .string(""), .integer(4)])
        let error = try #require(luaError { try state.run("return string.rep('x', 2^31)", name: "=rep.lua") })
        #expect(error.message == "rep.lua:1: resulting string too large")
    }
}

/// `--unsafe` behaves like `lua5.4`: the replaced standard functions look like the standard ones.
@Suite("Replaced standard functions")
struct ReplacedFunctionTests {
    /// The bounded `table.move` and `string.rep` give what the standard ones give, errors included.
    @Test(arguments: [
        "print(table.concat(table.move({1, 2, 3}, 1, 3, 2), ','), table.concat(table.move({1, 2, 3}, 2, 3, 1), ','))",
        "local p = setmetatable({}, {__index = function(_, k) return k * 10 end, __newindex = function(t, k, v) rawset(t, k, v + 1) end}) local d = table.move(p, 1, 3, 1, {}) local e = table.move({5, 6}, 1, 2, 1, p) print(d[1], d[3], rawget(e, 1), rawget(e, 2))",
        "print(pcall(table.move, 1, 1, 2, 3)) print(pcall(table.move, {}, -1, math.maxinteger, 1)) print(pcall(table.move, {}, 1, math.maxinteger, 2))",
        "print(pcall(table.move, setmetatable({}, {__index = print}), 1, 2, 1, 5)) print(#table.move({}, 1, 0, 1))",
        "print(string.rep('ab', 3, '-'), string.rep('x', 0, 'y'), #string.rep('', 1e9, ''), pcall(string.rep, 'x', -1)) print(pcall(string.rep, 'xx', math.maxinteger)) print(pcall(string.rep))",
    ])
    func boundedFunctionsGiveWhatTheStandardOnesGive(program: String) throws {
        let interpreter = ["/usr/bin/lua5.4", "/usr/local/bin/lua5.4"].first { FileManager.default.isExecutableFile(atPath: $0) }
        try #require(interpreter != nil, "lua5.4 is not installed (make test installs it)")
        let expected = try TrustedProfileTests.runInterpreter(interpreter!, program)
        let captured = try CapturedState(profile: .trusted)
        #expect(luaError { try captured.state.run(program, name: "=stdin") } == nil)
        #expect(captured.output == expected)
    }

    @Test(arguments: ["print", "coroutine.resume", "coroutine.wrap", "coroutine.close", "string.rep", "table.move"])
    func areCFunctionsWithoutUpvalues(name: String) throws {
        let state = try LuaState(options: LuaOptions(profile: .trusted))
        let results = try state.run("local i = debug.getinfo(\(name), 'uS') return i.nups, i.what, i.short_src")
        #expect(results == [.integer(0), .string("C"), .string("[C]")])
    }
}
