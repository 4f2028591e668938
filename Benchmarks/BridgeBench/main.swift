// bridge-bench: the costs of the Lua bridge against plain Lua and plain C, for issue 2's targets.
//
//   swift build -c release --scratch-path .build-bench --product bridge-bench
//   .build-bench/release/bridge-bench            full run (about a minute)
//   .build-bench/release/bridge-bench --quick    smoke run for CI (a second or two)
//
// Prints one table row per comparison: baseline and bridge ns per loop iteration (medians of the
// rounds), their ratio, the target and PASS/FAIL. The exit status is 0 whatever the verdict (this is a
// report); it is 1 only when the benchmark itself cannot run or a loop returns a wrong result.

#if canImport(Glibc)
import Glibc
#endif
import LuaBridge

// MARK: Options

var settings = Settings()
var quick = false
/// The groups to run (`--only call,property,limit`); all when empty.
var only: Set<String> = []
let groups = ["call", "property", "limit"]
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--quick":
        quick = true
        settings.rounds = 1
        settings.secondsPerRun = 0.02
        settings.fixedIterationsOverride = 1_000_000
    case "--rounds":
        guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else {
            print("bridge-bench: --rounds needs a positive number")
            exit(2)
        }
        settings.rounds = value
    case "--only":
        only = Set((arguments.popFirst() ?? "").split(separator: ",").map(String.init))
        guard !only.isEmpty, only.isSubset(of: groups) else {
            print("bridge-bench: --only takes a comma-separated list of \(groups.joined(separator: ", "))")
            exit(2)
        }
    case "-h", "--help":
        print("usage: bridge-bench [--quick] [--rounds N] [--only call,property,limit]")
        exit(0)
    default:
        print("bridge-bench: unknown argument '\(argument)' (try --help)")
        exit(2)
    }
}

// MARK: Context

/// The first line of `path` that starts with `prefix`, after the colon (`/proc/cpuinfo` fields).
func procField(_ path: String, _ prefix: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var line: UnsafeMutablePointer<CChar>?
    var capacity = 0
    defer { free(line) }
    while getline(&line, &capacity, file) > 0, let line {
        let text = String(cString: line)
        guard text.hasPrefix(prefix) else { continue }
        let value = text.split(separator: ":", maxSplits: 1).dropFirst().first ?? Substring(text)
        return value.trimmingCharacters()
    }
    return nil
}

extension Substring {
    func trimmingCharacters() -> String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\n" || $0 == "\t" }.reversed())
    }
}

func loadAverage() -> String { procField("/proc/loadavg", "") ?? "?" }

print("bridge-bench\(quick ? " --quick (smoke run: numbers are not meaningful)" : "")")
print("  machine: \(sysconf(Int32(_SC_NPROCESSORS_ONLN))) cores, \(procField("/proc/cpuinfo", "model name") ?? "unknown CPU")")
print("  \(LuaState.luaRelease), profile: sandbox, \(settings.rounds) round(s) per side")
print("  ns/op: median thread CPU time per loop iteration (wall clock in the details)")
print("  load average before: \(loadAverage())")
fflush(nil) // all streams: show progress now

// MARK: Measurements

var results: [ComparisonResult] = []
do {
    let state = try LuaState(options: LuaOptions(profile: .sandbox, limits: LuaLimits(timeSeconds: nil)))
    let runs = { (group: String) in only.isEmpty || only.contains(group) }
    var comparisons: [Comparison] = []
    if runs("call") { comparisons.append(try functionCallComparison(state)) }
    if runs("property") {
        comparisons += try propertyComparisons(state)
        comparisons.append(try objectCreationComparison(state))
        comparisons.append(try objectFirstReadComparison(state))
    }
    if runs("limit") { comparisons += try timeLimitComparisons() }
    for comparison in comparisons {
        let result = try measure(comparison, settings: settings)
        results.append(result)
        print("  measured: \(comparison.name): \(comparison.bridge.label) vs \(comparison.baseline.label)")
        fflush(nil) // all streams: show progress now
    }
} catch {
    print("bridge-bench: cannot run: \(error)")
    exit(1)
}
print("  load average after: \(loadAverage())")

// MARK: Report

/// `value` with `digits` decimals.
func fixed(_ value: Double, _ digits: Int) -> String {
    var buffer = [CChar](repeating: 0, count: 64)
    _ = withVaList([value]) { vsnprintf(&buffer, buffer.count, "%.\(digits)f", $0) }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - text.count))
    return right ? padding + text : text + padding
}

let columns: [(title: String, width: Int, right: Bool)] = [
    ("case", 20, false), ("baseline", 20, false), ("ns/op", 7, true), ("bridge", 28, false),
    ("ns/op", 7, true), ("ratio", 6, true), ("target", 7, true), ("verdict", 7, false),
]

func row(_ cells: [String]) -> String {
    let line = zip(columns, cells).map { pad($1, $0.width, right: $0.right) }.joined(separator: "  ")
    return String(line.reversed().drop { $0 == " " }.reversed())
}

print("")
print(row(columns.map(\.title)))
print(row(columns.map { String(repeating: "-", count: $0.width) }))
for result in results {
    print(row([
        result.comparison.name,
        result.comparison.baseline.label,
        fixed(result.baseline.median, 1),
        result.comparison.bridge.label,
        fixed(result.bridge.median, 1),
        fixed(result.ratio, 2) + "x",
        result.comparison.target.map { "<= " + fixed($0, 2) } ?? "-",
        result.verdict,
    ]))
}

print("")
print("details: CPU ns/op min-max over the rounds x iterations per run; ratio of the minimums (the")
print("least disturbed runs); wall-clock medians and their ratio")
for result in results {
    let base = result.baseline, bridge = result.bridge
    print("  \(result.comparison.bridge.label): baseline \(fixed(base.minimum, 1))-\(fixed(base.maximum, 1)) "
        + "x \(base.iterations), bridge \(fixed(bridge.minimum, 1))-\(fixed(bridge.maximum, 1)) x \(bridge.iterations); "
        + "min \(fixed(bridge.minimum / base.minimum, 2))x; "
        + "wall \(fixed(base.wallMedian, 1)) / \(fixed(bridge.wallMedian, 1)) = \(fixed(result.wallRatio, 2))x")
}

let failed = results.filter { $0.verdict == "FAIL" }
print("")
if failed.isEmpty {
    print("verdict: PASS (every target met)")
} else {
    print("verdict: FAIL (\(failed.map { "\($0.comparison.bridge.label) \(fixed($0.ratio, 3))x > \(fixed($0.comparison.target ?? 0, 2))x" }.joined(separator: "; ")))")
}
exit(0)
