// api-bench: the Lua API's costs, each measured against its baseline in the same run.
//
//   api-bench [--visits N] [--rounds R] [--quick]
//
// 1. visits per decade through the query API (filter and `count_by` in Swift) vs the same aggregation
//    written directly in Swift over the model (target: at most 1.5x);
// 2. a Lua loop reading every visit's year through the API vs the same loop over plain Lua tables
//    already in memory (target: at most 3x).
// The model is synthetic: N visits built directly, without text, deterministic.
import CorpusModel
import Dispatch
import Foundation
import LuaBridge
import ScriptingAPI

func option(_ name: String) -> String? {
    guard let index = CommandLine.arguments.firstIndex(of: "--\(name)"), index + 1 < CommandLine.arguments.count else { return nil }
    return CommandLine.arguments[index + 1]
}

let quick = CommandLine.arguments.contains("--quick")
let visitCount = Int(option("visits") ?? (quick ? "20000" : "1000000")) ?? 1_000_000
let rounds = Int(option("rounds") ?? (quick ? "1" : "5")) ?? 5

func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

/// This thread's CPU time: all the work measured runs on the calling thread, and time spent waiting
/// for a core (the machine may be shared) does not count.
func threadTime() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// Median thread-CPU seconds of `rounds` runs of `body`, after one warm-up run.
func measure(_ body: () throws -> Void) rethrows -> Double {
    try body()
    var times: [Double] = []
    for _ in 0..<rounds {
        let start = threadTime()
        try body()
        times.append(threadTime() - start)
    }
    return times.sorted()[times.count / 2]
}

let levels: [Level] = [.headOfParty, .headOfState, .headOfGovernment, .minister, .deputyHeadOfGovernment]
let statuses: [VisitStatus] = [.occurred, .occurred, .occurred, .planned]
let people = (0..<1000).map { Entity(id: "p\($0)", kind: .person, name: "Person \($0)", country: "VNM") }
var list: [Visit] = []
list.reserveCapacity(visitCount)
for i in 0..<visitCount {
    list.append(Visit(id: i, visitor: i % 1000, visitorCountry: "VNM", destination: i % 2 == 0 ? "PRK" : "RUS",
                      start: PartialDate(year: 1950 + (i * 7) % 75, month: 1 + i % 12), kind: .official,
                      level: levels[i % levels.count], status: statuses[i % statuses.count]))
}
let shared = SharedCorpus(Corpus(entities: people, visits: list))

func makeRun() throws -> (LuaState, LuaTable) {
    let state = try LuaState(options: LuaOptions(limits: LuaLimits(memoryMiB: 4096, timeSeconds: 600)))
    let environment = try state.makeEnvironment()
    try DossierAPI.install(into: environment, state: state, corpus: shared, report: ReportCollector(title: "bench"))
    return (state, environment)
}

print("api-bench: \(visitCount) visits, median of \(rounds) rounds")
var rows: [(String, Double, Double, Double)] = []

let only = option("only")

// 1. Aggregation.
if only == nil || only == "aggregate" {
    var swiftCounts: [Int: Int] = [:]
    let direct = measure {
        var counts: [Int: Int] = [:]
        for visit in shared.corpus.visits where visit.level.isHigh && visit.status == .occurred {
            if let start = visit.start { counts[start.decade, default: 0] += 1 }
        }
        swiftCounts = counts
    }
    let (state, environment) = try makeRun()
    let query = try state.load(string: """
        return corpus.visits{min_level = "high", status = "occurred"}:count_by("decade")
        """, name: "=bench", environment: environment)
    var luaTotal: Int64 = 0
    let viaLua = try measure {
        let table = try query.call().first?.tableValue
        luaTotal = try table?.pairs().reduce(0) { $0 + ($1.value.integerValue ?? 0) } ?? 0
    }
    precondition(luaTotal == Int64(swiftCounts.values.reduce(0, +)), "the two aggregations disagree")
    rows.append(("visits per decade: query API vs Swift", direct, viaLua, 1.5))
}

// 2. Reading every visit's year.
if only == nil || only == "loop" {
    let (state, environment) = try makeRun()
    let setup = try state.load(string: """
        local t = {}
        for v in corpus.visits() do t[#t + 1] = {year = v.year} end
        plain = t
        """, name: "=setup", environment: environment)
    try setup.call()
    // The same loop: a generic `for` over an iterator, reading each item's year.
    let plainLoop = try state.load(string: """
        local s = 0
        for _, v in ipairs(plain) do s = s + v.year end
        return s
        """, name: "=plain", environment: environment)
    // The cheapest loop over plain tables (numeric for, no iterator call), for information.
    let numericLoop = try state.load(string: """
        local s = 0
        for i = 1, #plain do s = s + plain[i].year end
        return s
        """, name: "=numeric", environment: environment)
    let apiLoop = try state.load(string: """
        local s = 0
        for v in corpus.visits() do s = s + v.year end
        return s
        """, name: "=api", environment: environment)
    var a: LuaValue = .nil, b: LuaValue = .nil, c: LuaValue = .nil
    let plain = try measure { a = try plainLoop.call().first ?? .nil }
    let numeric = try measure { c = try numericLoop.call().first ?? .nil }
    let api = try measure { b = try apiLoop.call().first ?? .nil }
    precondition(a == b && b == c, "the loops disagree")
    rows.append(("every visit's year: API loop vs numeric for (info)", numeric, api, .infinity))
    rows.append(("every visit's year: API loop vs ipairs over tables", plain, api, 3))
}

if only == "diag" {
    let (state, environment) = try makeRun()
    try state.load(string: "local t = {} for v in corpus.visits() do t[#t + 1] = {year = v.year} end plain = t", name: "=setup", environment: environment).call()
    for (name, code) in [
        ("query only", "local q = corpus.visits() return #q"),
        ("iterate only", "local n = 0 for v in corpus.visits() do n = n + 1 end return n"),
        ("iterate + year", "local s = 0 for v in corpus.visits() do s = s + v.year end return s"),
        ("numeric for over list", "local q = corpus.visits() local s = 0 for i = 1, #q do s = s + i end return s"),
        ("numeric for alone", "local s = 0 for i = 1, 1000000 do s = s + i end return s"),
        ("query then loop", "local q = corpus.visits() local s = 0 for i = 1, 1000000 do s = s + i end return s"),
        ("query, len, loop", "local q = corpus.visits() local n = #q local s = 0 for i = 1, 1000000 do s = s + i end return s"),
        ("two queries", "local q = corpus.visits() local r = corpus.visits() return #q + #r"),
        ("plain tables", "local s = 0 for i = 1, #plain do s = s + plain[i].year end return s"),
    ] {
        let chunk = try state.load(string: code, name: "=diag", environment: environment)
        let t = try measure { _ = try chunk.call() }
        print(String(format: "%-24@ %8.1f ms", name as NSString, t * 1000))
    }
}

// 3. Start-up: `dossier run visits-per-decade` on the bundled corpus vs `dossier --version`, median wall
//    time of whole runs (target: at most 2x). Needs `--dossier PATH` and the repository as working directory.
if let dossier = option("dossier"), only == nil || only == "startup" {
    func wall(_ arguments: [String]) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dossier)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = now()
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CocoaError(.executableLoad) }
        return now() - start
    }
    let runs = quick ? 3 : 21
    var version: [Double] = [], run: [Double] = []
    _ = try wall(["--version"])
    _ = try wall(["run", "visits-per-decade", "--format", "json"])
    for _ in 0..<runs {
        version.append(try wall(["--version"]))
        run.append(try wall(["run", "visits-per-decade", "--format", "json"]))
    }
    rows.append(("dossier run visits-per-decade vs --version", version.sorted()[runs / 2], run.sorted()[runs / 2], 2))
}

print("")
print("case                                                  baseline       API    ratio  target    verdict")
for (name, baseline, api, target) in rows {
    let ratio = api / baseline
    let verdict = target.isInfinite ? "info" : (ratio <= target ? "PASS" : "FAIL")
    let limit = target.isInfinite ? "     -" : String(format: "<= %.1fx", target)
    print(String(format: "%-52@ %8.1f ms %8.1f ms %6.2fx  %@  %@", name as NSString, baseline * 1000, api * 1000, ratio,
                 limit as NSString, verdict as NSString))
}
