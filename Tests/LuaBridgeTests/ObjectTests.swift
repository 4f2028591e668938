import LuaBridge
import Testing
import Synchronization

/// Counts live instances, to prove that `__gc` releases each object exactly once.
final class Tracked {
    static let live = Atomic<Int>(0)
    static let released = Atomic<Int>(0)
    let year: Int
    let name: String
    let tags: [String]

    init(year: Int, name: String, tags: [String] = []) {
        self.year = year
        self.name = name
        self.tags = tags
        Tracked.live.add(1, ordering: .relaxed)
    }

    deinit {
        Tracked.live.subtract(1, ordering: .relaxed)
        Tracked.released.add(1, ordering: .relaxed)
    }
}

func registerTracked(in state: LuaState) {
    state.register(Tracked.self, name: "Tracked") { cls in
        cls.property("year") { $0.year }
        cls.property("name") { $0.name }
        cls.property("tags") { $0.tags }
        cls.method("describe") { object, arguments in
            let prefix = try arguments.get(2, default: "")
            arguments.push("\(prefix)\(object.name) (\(object.year))")
            return 1
        }
        cls.tostring { "Tracked<\($0.name)>" }
        cls.length { $0.tags.count }
        cls.equals { $0.name == $1.name }
        cls.lessThan { $0.year < $1.year }
        cls.pairs { object in [(key: "name", value: .string(object.name)), (key: "year", value: .integer(Int64(object.year)))] }
    }
}

@Suite("Swift objects as userdata", .serialized)
struct ObjectTests {
    @Test func propertiesMethodsAndMetamethods() throws {
        let state = try LuaState()
        registerTracked(in: state)
        try state.setGlobal("a", LuaObject(Tracked(year: 1957, name: "Ho Chi Minh", tags: ["visit", "official"])))
        try state.setGlobal("b", LuaObject(Tracked(year: 2019, name: "Kim Jong Un")))
        try state.setGlobal("a2", LuaObject(Tracked(year: 1, name: "Ho Chi Minh")))
        let results = try state.run("""
            local keys = {}
            for key, value in pairs(a) do keys[#keys + 1] = key .. "=" .. tostring(value) end
            return a.year, a.name, a.tags[2], a:describe("Trip: "), tostring(a), #a, #b,
                   a == a2, a == b, a < b, b < a, a.missing, table.concat(keys, ","), getmetatable(a)
            """, environment: state.globals)
        #expect(results == [.integer(1957), .string("Ho Chi Minh"), .string("official"),
                            .string("Trip: Ho Chi Minh (1957)"), .string("Tracked<Ho Chi Minh>"), .integer(2),
                            .integer(0), .boolean(true), .boolean(false), .boolean(true), .boolean(false), .nil,
                            .string("name=Ho Chi Minh,year=1957"), .string("Tracked")])
    }

    @Test func fieldsAreReadOnlyAndMethodsCheckTheirReceiver() throws {
        let state = try LuaState()
        registerTracked(in: state)
        try state.setGlobal("a", LuaObject(Tracked(year: 2001, name: "Kim Yong Nam")))
        let write = try #require(luaError { try state.run("a.year = 1", name: "=w.lua", environment: state.globals) })
        #expect(write.message.hasPrefix("w.lua:1: cannot set field 'year' of a Tracked"))
        let badSelf = try #require(luaError { try state.run("a.describe({})", name: "=m.lua", environment: state.globals) })
        #expect(badSelf.message.contains("Tracked expected, got table"))
        let setMeta = try #require(luaError { try state.run("setmetatable(a, {})", environment: state.globals) })
        #expect(setMeta.message.contains("setmetatable"))
    }

    @Test func everyObjectIsReleasedExactlyOnceEvenWithErrorsInBetween() throws {
        let liveBefore = Tracked.live.load(ordering: .relaxed)
        let releasedBefore = Tracked.released.load(ordering: .relaxed)
        do {
            let state = try LuaState()
            registerTracked(in: state)
            var count = 0
            try state.register("make") { arguments in
                count += 1
                try arguments.push(object: Tracked(year: count, name: "n\(count)"))
                if count % 10 == 0 { throw LuaError(kind: .runtime, message: "failing on purpose at \(count)") }
                return 1
            }
            let results = try state.run("""
                local kept, failures = {}, 0
                for i = 1, 1000 do
                  local ok, object = pcall(make)
                  if ok then kept[#kept + 1] = object else failures = failures + 1 end
                end
                return #kept, failures
                """, environment: state.globals)
            #expect(results == [.integer(900), .integer(100)])
            // The 900 kept are alive; the 100 dropped with their errors may already be collected.
            #expect(Tracked.live.load(ordering: .relaxed) - liveBefore >= 900)
            state.close()
        }
        #expect(Tracked.live.load(ordering: .relaxed) == liveBefore)
        #expect(Tracked.released.load(ordering: .relaxed) - releasedBefore == 1000)
    }

    @Test func collectedObjectsAreReleasedBeforeClose() throws {
        let releasedBefore = Tracked.released.load(ordering: .relaxed)
        let state = try LuaState()
        registerTracked(in: state)
        try state.register("make") { arguments in
            try arguments.push(object: Tracked(year: 1, name: "temporary"))
            return 1
        }
        try state.run("for i = 1, 100 do make() end collectgarbage() collectgarbage()", environment: state.globals)
        #expect(Tracked.released.load(ordering: .relaxed) - releasedBefore == 100)
        state.close()
        #expect(Tracked.released.load(ordering: .relaxed) - releasedBefore == 100)
    }
}

/// A class whose getter counts its calls, to show the cache at work.
final class Counted {
    let year: Int
    nonisolated(unsafe) static var getterCalls = 0
    init(year: Int) { self.year = year }
}

@Suite("Caching classes", .serialized)
struct CachingTests {
    @Test func repeatedReadsComeFromTheObjectsCache() throws {
        let state = try LuaState()
        state.register(Counted.self, name: "Counted") { cls in
            cls.cacheAfterReads = 3
            cls.property("year") { (object: Counted) -> Int in
                Counted.getterCalls += 1
                return object.year
            }
            cls.property("nothing") { (_: Counted) -> Int? in nil }
            cls.method("twice") { object, arguments in
                arguments.push(object.year * 2)
                return 1
            }
            cls.tostring { "Counted(\($0.year))" }
        }
        Counted.getterCalls = 0
        try state.setGlobal("c", LuaObject(Counted(year: 1957)))
        let results = try state.run("""
            local sum = 0
            for _ = 1, 100 do sum = sum + c.year end
            return sum, c:twice(), tostring(c), c.nothing, c.nothing, getmetatable(c)
            """, environment: state.globals)
        #expect(results == [.integer(195_700), .integer(3914), .string("Counted(1957)"), .nil, .nil, .string("Counted")])
        // Three reads through Swift, then the cache: at most one more fetch of `year` after promotion.
        #expect(Counted.getterCalls <= 4)
        let write = try #require(luaError { try state.run("c.year = 1", environment: state.globals) })
        #expect(write.message.contains("read-only"))
    }

    /// Its own class, so its counts do not mix with the other suites' (they run in parallel).
    final class Cached {
        static let released = Atomic<Int>(0)
        let year: Int
        let name: String
        init(year: Int, name: String) { self.year = year; self.name = name }
        deinit { Cached.released.add(1, ordering: .relaxed) }
    }

    @Test func promotedObjectsAreStillReleasedOnce() throws {
        let releasedBefore = Cached.released.load(ordering: .relaxed)
        do {
            let state = try LuaState()
            state.register(Cached.self, name: "Cached") { cls in
                cls.cacheAfterReads = 1
                cls.property("year") { $0.year }
                cls.method("describe") { object, arguments in
                    arguments.push("\(object.name) (\(object.year))")
                    return 1
                }
            }
            try state.register("make") { arguments in
                try arguments.push(object: Cached(year: Int(try arguments.integer(1)), name: "n"))
                return 1
            }
            let results = try state.run("""
                local total = 0
                for i = 1, 50 do
                  local t = make(i)
                  total = total + t.year + t.year
                  assert(t:describe() == "n (" .. i .. ")")
                end
                collectgarbage() collectgarbage()
                return total
                """, environment: state.globals)
            #expect(results == [.integer(2550)])
            state.close()
        }
        #expect(Cached.released.load(ordering: .relaxed) - releasedBefore == 50)
    }
}
