// How bridge-bench measures: each comparison has a baseline side and a bridge side, both Lua loops
// run on the same machine in the same process. Both sides are warmed up, sized to run for about the
// same time, then timed in alternating order for several rounds; the median ns per iteration of each
// side, and their ratio, are what the report shows.
//
// The clock is the calling thread's CPU time, which is where every Lua instruction, trampoline and
// hook runs: it does not count time the thread waits for a core, so other work on the machine weighs
// less on the figures. Wall-clock medians are kept as well and shown in the details.

#if canImport(Glibc)
import Glibc
#endif
import LuaBridge

/// A clock reading in nanoseconds.
private func nanoseconds(_ clock: clockid_t) -> UInt64 {
    var now = timespec()
    clock_gettime(clock, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// The calling thread's CPU time and the monotonic wall clock, read together.
struct Instant {
    let cpu: UInt64
    let wall: UInt64
    static func now() -> Instant {
        Instant(cpu: nanoseconds(CLOCK_THREAD_CPUTIME_ID), wall: nanoseconds(CLOCK_MONOTONIC))
    }
}

/// What one timed run of a Lua loop gave: the value the loop returned, and how long it took.
struct Run {
    let result: Int64
    /// Thread CPU time, the measure used for ratios.
    let nanoseconds: UInt64
    let wallNanoseconds: UInt64
}

/// A compiled Lua loop: a chunk that takes its inputs as `...` and returns an integer that proves the
/// loop did its work.
struct LuaLoop {
    let state: LuaState
    let chunk: LuaFunction
    /// `collectgarbage()` in the same state, run before each timed call so no side inherits the
    /// other's garbage.
    private let collect: LuaFunction

    init(_ state: LuaState, name: String, source: String) throws(LuaError) {
        self.state = state
        chunk = try state.load(string: source, name: "=\(name)")
        collect = try state.load(string: "collectgarbage()", name: "=collect")
    }

    /// Runs the loop with `arguments` and times only the call into Lua (the call goes through the
    /// bridge's ordinary `LuaFunction.call`, limits included).
    func run(_ arguments: any LuaPushable...) throws(LuaError) -> Run {
        try collect.call()
        let start = Instant.now()
        let results = try chunk.call(arguments: arguments)
        let end = Instant.now()
        guard let value = results.first?.integerValue else {
            throw LuaError(kind: .runtime, message: "the loop returned \(results.first?.description ?? "nothing")")
        }
        return Run(result: value, nanoseconds: end.cpu - start.cpu, wallNanoseconds: end.wall - start.wall)
    }
}

/// One side of a comparison.
struct Side {
    /// What the side does, for the report ("C lua_CFunction").
    let label: String
    /// Runs the loop for `iterations` iterations (inputs are made before the clock starts).
    let run: (_ iterations: Int) throws(LuaError) -> Run
    /// What the loop must return after `iterations` iterations.
    let expected: (_ iterations: Int) -> Int64
}

/// A baseline and a bridge side doing the same work, and the ratio the bridge must stay under.
struct Comparison {
    let name: String
    let baseline: Side
    let bridge: Side
    /// The largest acceptable bridge / baseline ratio; `nil` for a row shown for information only.
    let target: Double?
    /// A fixed iteration count for both sides (the limit case's 50M loop); `nil` to size each side
    /// to the configured duration.
    let fixedIterations: Int?
    /// Multiplies the configured rounds, for a comparison with short runs and a tight target.
    var roundsFactor = 1
}

/// How long and how often to measure.
struct Settings {
    /// Timed rounds per side.
    var rounds = 5
    /// Wall time one timed run of a side should take, when its size is not fixed.
    var secondsPerRun = 0.5
    /// Replaces every fixed iteration count (the quick smoke run shrinks the 50M loop).
    var fixedIterationsOverride: Int?
}

private func medianOf(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return .nan }
    let middle = sorted.count / 2
    return sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
}

/// The timings of one side.
struct SideResult {
    let iterations: Int
    /// CPU ns per iteration of each timed round.
    let samples: [Double]
    /// Wall-clock ns per iteration of each timed round.
    let wallSamples: [Double]

    var median: Double { medianOf(samples) }
    var wallMedian: Double { medianOf(wallSamples) }
    var minimum: Double { samples.min() ?? .nan }
    var maximum: Double { samples.max() ?? .nan }
}

struct ComparisonResult {
    let comparison: Comparison
    let baseline: SideResult
    let bridge: SideResult

    var ratio: Double { bridge.median / baseline.median }
    var wallRatio: Double { bridge.wallMedian / baseline.wallMedian }

    /// PASS or FAIL against the target, or "info" for a row without one.
    var verdict: String {
        guard let target = comparison.target else { return "info" }
        return ratio <= target ? "PASS" : "FAIL"
    }
}

struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs `side` once and checks its result.
private func timedRun(_ side: Side, iterations: Int) throws -> Run {
    let run = try side.run(iterations)
    let expected = side.expected(iterations)
    guard run.result == expected else {
        throw BenchmarkFailure(description: "\(side.label): the loop returned \(run.result), expected \(expected)")
    }
    return run
}

/// The iteration count that makes `side` run for about `seconds`: grows a trial run until it takes
/// at least 20 ms (or a tenth of the goal), then scales.
private func calibrate(_ side: Side, seconds: Double) throws -> Int {
    var iterations = 10_000
    let floor = min(0.02, seconds / 10) * 1e9
    while true {
        let run = try timedRun(side, iterations: iterations)
        let elapsed = Double(max(run.nanoseconds, 1))
        if elapsed >= floor || iterations >= 1 << 40 {
            return max(1_000, Int(Double(iterations) * seconds * 1e9 / elapsed))
        }
        iterations *= elapsed < floor / 8 ? 8 : 2
    }
}

/// Measures a comparison: warm-up, sizing, then `rounds` timed rounds that alternate which side goes
/// first, so a slow drift of the machine weighs on both sides alike.
func measure(_ comparison: Comparison, settings: Settings) throws -> ComparisonResult {
    let sides = [comparison.baseline, comparison.bridge]
    let fixed = comparison.fixedIterations.map { settings.fixedIterationsOverride ?? $0 }

    // Warm-up: caches, branch predictors, the allocator, Lua's string and table internals.
    for side in sides {
        for _ in 0..<2 { _ = try timedRun(side, iterations: 20_000) }
    }
    let iterations = try sides.map { side in try fixed ?? calibrate(side, seconds: settings.secondsPerRun) }

    var samples: [[Double]] = [[], []]
    var wallSamples: [[Double]] = [[], []]
    for round in 0..<settings.rounds * comparison.roundsFactor {
        let order = round.isMultiple(of: 2) ? [0, 1] : [1, 0]
        for index in order {
            let run = try timedRun(sides[index], iterations: iterations[index])
            samples[index].append(Double(run.nanoseconds) / Double(iterations[index]))
            wallSamples[index].append(Double(run.wallNanoseconds) / Double(iterations[index]))
        }
    }
    return ComparisonResult(
        comparison: comparison,
        baseline: SideResult(iterations: iterations[0], samples: samples[0], wallSamples: wallSamples[0]),
        bridge: SideResult(iterations: iterations[1], samples: samples[1], wallSamples: wallSamples[1]))
}
