import Foundation
import Testing

/// `dossier batch` with hostile plugins: every report runs in a worker process of its own, so a stuck,
/// looping, memory-eating or crashing report is ended and recorded while the good ones are written whole.
@Suite("dossier batch: worker processes against hostile plugins", .serialized)
struct BatchWorkerTests {
    static let plugins: [String: String] = [
        "good": """
        return { name = "good", title = "Good", version = "1.0.0",
          run = function(ctx)
            ctx.report.heading("Fine", 1)
            ctx.report.table{ columns = { "n" }, rows = { { 1 }, { 2 } } }
          end }
        """,
        "also-good": """
        return { name = "also-good", title = "Also good", version = "1.0.0",
          run = function(ctx) ctx.report.heading("Also fine", 1) end }
        """,
        // Stuck inside one C call that never allocates: the Lua hook cannot stop it. (A pattern that
        // backtracks for minutes: `string.rep("", math.maxinteger)` is bounded now and returns at once.)
        "stuck": """
        return { name = "stuck", title = "Stuck", version = "1.0.0",
          run = function(ctx) string.find(("a"):rep(5000), ("a-"):rep(40) .. "b") end }
        """,
        "looping": """
        return { name = "looping", title = "Loops", version = "1.0.0",
          run = function(ctx) while true do end end }
        """,
        "eater": """
        return { name = "eater", title = "Eats memory", version = "1.0.0",
          run = function(ctx) local t = {} for i = 1, 1e9 do t[i] = ("x"):rep(1000000) .. i end end }
        """,
        // Sends itself SIGSEGV (the trusted mode has io and os.execute).
        "crasher": """
        return { name = "crasher", title = "Crashes", version = "1.0.0",
          run = function(ctx)
            local pid = io.open("/proc/self/stat"):read("n")
            os.execute("kill -SEGV " .. pid)
            -- The signal is delivered at once; a sanitizer's handler takes a moment to report it.
            os.execute("sleep 3")
            ctx.report.heading("not reached", 1)
          end }
        """,
        "failing": """
        return { name = "failing", title = "Fails", version = "1.0.0",
          run = function(ctx) error("deliberate") end }
        """,
        // Takes a while, then writes a large report: for a kill half way.
        "slow": """
        return { name = "slow", title = "Slow", version = "1.0.0",
          params = { n = { type = "integer", default = 1 } },
          run = function(ctx)
            local t0 = os.clock()
            while os.clock() - t0 < 0.3 do end
            local rows = {}
            for i = 1, 5000 do rows[i] = { i, ("row %d"):format(ctx.params.n) } end
            ctx.report.table{ columns = { "i", "text" }, rows = rows }
          end }
        """,
    ]

    /// A folder with the plugins and a plan naming `reports`; removed by the caller.
    static func setUp(_ reports: [String], formats: String = "[md, json]") throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-batch-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("plugins"), withIntermediateDirectories: true)
        for (name, code) in plugins {
            try code.write(to: folder.appendingPathComponent("plugins/\(name).lua"), atomically: true, encoding: .utf8)
        }
        let plan = "formats: \(formats)\nreports: [\(reports.joined(separator: ", "))]\n"
        try plan.write(to: folder.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    static func manifest(_ folder: URL) throws -> [String: Any] {
        let data = try Data(contentsOf: folder.appendingPathComponent("out/manifest.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func records(_ folder: URL) throws -> [String: [String: Any]] {
        let reports = try #require(try manifest(folder)["reports"] as? [[String: Any]])
        var byName: [String: [String: Any]] = [:]
        for report in reports { byName[report["name"] as! String] = report }
        return byName
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    @Test func aStuckALoopingAMemoryEatingAndACrashingReportAreRecordedAndTheGoodOnesWritten() throws {
        let folder = try Self.setUp(["good", "stuck", "looping", "eater", "crasher", "also-good"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Self.now()
        let result = try CommandRunner.run(["batch", "--plan", folder.appendingPathComponent("plan.yaml").path,
                                            "--plugins", folder.appendingPathComponent("plugins").path,
                                            "--out", folder.appendingPathComponent("out").path,
                                            "--timeout", "5", "--memory", "64", "--unsafe", "--jobs", "2", "--quiet"])
        let seconds = Self.now() - start
        #expect(result.status == 1, "\(result.stderr)")
        #expect(seconds < 40, "the batch took \(seconds) s")
        let records = try Self.records(folder)
        for good in ["good", "also-good"] {
            let record = try #require(records[good])
            #expect(record["status"] as? String == "ok")
            for file in try #require(record["files"] as? [[String: Any]]) {
                let data = try Data(contentsOf: folder.appendingPathComponent("out/\(file["path"] as! String)"))
                #expect(data.count == file["bytes"] as? Int)
            }
        }
        let expected = ["stuck": "timeLimit", "looping": "timeLimit", "eater": "memoryLimit", "crasher": "crash"]
        for (name, kind) in expected {
            let record = try #require(records[name])
            #expect(record["status"] as? String == "failed", "\(name)")
            let error = try #require(record["error"] as? [String: Any])
            #expect(error["kind"] as? String == kind, "\(name): \(error)")
            #expect((error["message"] as? String)?.contains("\(name).lua") == true, "\(name): \(error)")
        }
        #expect((records["stuck"]?["error"] as? [String: Any])?["message"] as? String
                == "\(folder.path)/plugins/stuck.lua: time limit of 5 s exceeded: the report did not stop within the 2 s grace period, so its worker process was killed")
        // Under a sanitizer (`make sanitize`) the signal is caught and reported ("ThreadSanitizer: SEGV on
        // unknown address"), and the worker exits with a status instead.
        let crash = ((records["crasher"]?["error"] as? [String: Any])?["message"] as? String) ?? ""
        #expect(crash.contains("SIGSEGV") || crash.contains("Sanitizer: SEGV"), "\(crash)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(Set(names) == ["good.md", "good.json", "also-good.md", "also-good.json", "index.html", "manifest.json"])
    }

    @Test func failFastStopsTheRunningWorkers() throws {
        let folder = try Self.setUp(["failing", "stuck", "good"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Self.now()
        let result = try CommandRunner.run(["batch", "--plan", folder.appendingPathComponent("plan.yaml").path,
                                            "--plugins", folder.appendingPathComponent("plugins").path,
                                            "--out", folder.appendingPathComponent("out").path,
                                            "--timeout", "20", "--jobs", "2", "--fail-fast", "--quiet"])
        let seconds = Self.now() - start
        #expect(result.status == 1)
        #expect(seconds < 10, "--fail-fast waited \(seconds) s for the stuck report")
        let records = try Self.records(folder)
        #expect(records["failing"]?["status"] as? String == "failed")
        #expect(records["stuck"]?["status"] as? String == "not-run")
        #expect(result.stderr.contains("--fail-fast"))
    }

    @Test func ctrlCStopsAStuckBatchAtOnce() throws {
        let folder = try Self.setUp(["stuck", "looping", "good"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let start = Self.now()
        let result = try CommandRunner.run(["batch", "--plan", folder.appendingPathComponent("plan.yaml").path,
                                            "--plugins", folder.appendingPathComponent("plugins").path,
                                            "--out", folder.appendingPathComponent("out").path,
                                            "--timeout", "60", "--jobs", "2", "--quiet"], interruptAfter: 2)
        let seconds = Self.now() - start
        #expect(result.status == 130, "\(result.stderr)")
        #expect(seconds < 5, "Ctrl-C took \(seconds - 2) s to stop the batch")
        let records = try Self.records(folder)
        #expect(records["stuck"]?["status"] as? String == "not-run")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "\(names)")
    }

    @Test func killingTheBatchHalfWayLeavesNoPartialFileAndTheNextRunCompletes() throws {
        let reports = (1...6).map { "{ plugin: slow, name: slow-\($0), params: { n: \($0) } }" }
        let folder = try Self.setUp(reports, formats: "[json, md]")
        defer { try? FileManager.default.removeItem(at: folder) }
        let arguments = ["batch", "--plan", folder.appendingPathComponent("plan.yaml").path,
                         "--plugins", folder.appendingPathComponent("plugins").path,
                         "--out", folder.appendingPathComponent("out").path, "--jobs", "2", "--quiet"]
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        process.currentDirectoryURL = CommandRunner.repository
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Half way: once a first report is written.
        let out = folder.appendingPathComponent("out")
        let deadline = Self.now() + 30
        while Self.now() < deadline {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []
            if names.contains(where: { $0.hasSuffix(".json") && $0 != "manifest.json" }) { break }
            usleep(20_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        usleep(600_000)  // the workers notice their batch is gone
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains("manifest.json"), "the killed batch finished first: \(names)")
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let data = try Data(contentsOf: out.appendingPathComponent(name))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "\(name) is partial")
        }
        usleep(300_000)
        let after = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(Set(after.filter { !$0.hasPrefix(".") }) == Set(names.filter { !$0.hasPrefix(".") }),
                "workers went on writing after their batch was killed")

        let again = try CommandRunner.run(arguments)
        #expect(again.status == 0, "\(again.stderr)")
        let records = try Self.records(folder)
        #expect(records.count == 6 && records.values.allSatisfy { $0["status"] as? String == "ok" })
        let final = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!final.contains { $0.hasSuffix(".tmp") }, "\(final)")
    }
}
