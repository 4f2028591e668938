import Foundation
import LuaBridge
import PluginHost
import Reports
import Testing

@Suite struct RunTests {
    @Test func aPluginRequiresModulesFromLib() throws {
        let host = makeHost()
        let result = try host.run(host.catalog.plugin(named: "visit-count")!, corpus: fixtureCorpus)
        #expect(result.report.blocks == [.paragraph("3 visits")])
        #expect(result.report.title == "Visit count")
    }

    @Test func anErrorNamesFileAndLineWithATraceback() throws {
        let host = makeHost()
        let error = try #require(pluginError { _ = try host.run(host.catalog.plugin(named: "boom")!, corpus: fixtureCorpus) })
        #expect(error.kind == .lua)
        #expect(error.luaError?.kind == .runtime)
        #expect(error.message.hasSuffix("plugins/boom.lua:2: boom 42"))
        #expect(error.luaError?.line == 2)
        #expect(error.description.contains("stack traceback:"))
        #expect(error.description.contains("boom.lua:10"))
    }

    @Test func aLoopingPluginHitsTheTimeLimit() throws {
        let host = makeHost(limits: LuaLimits(memoryMiB: 64, timeSeconds: 0.3))
        let started = Date()
        let error = try #require(pluginError { _ = try host.run(host.catalog.plugin(named: "loop")!, corpus: fixtureCorpus) })
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(error.luaError?.kind == .timeLimit)
        #expect(error.message.contains("loop.lua:"))
        #expect(error.message.contains("time limit of 0.3 s exceeded"))
    }

    @Test func aGreedyPluginHitsTheMemoryLimit() throws {
        let host = makeHost(limits: LuaLimits(memoryMiB: 32, timeSeconds: 20))
        let error = try #require(pluginError { _ = try host.run(host.catalog.plugin(named: "hog")!, corpus: fixtureCorpus) })
        #expect(error.luaError?.kind == .memoryLimit)
        #expect(error.message.contains("hog.lua"))
        #expect(error.message.contains("memory limit of 32 MiB exceeded"))
    }

    @Test func aPlainScriptRunsWithGlobals() throws {
        let printed = Printed()
        let host = makeHost(printed: printed)
        let result = try host.run(host.catalog.plugin(named: "script")!, corpus: fixtureCorpus, params: ["who": "to lam"])
        #expect(result.manifest == nil)
        #expect(result.report.title == "A plain script")
        #expect(result.report.blocks == [.paragraph("3 visits; who=to lam")])
        #expect(printed.text.contains("printed by the script"))
        #expect(result.report.provenance?.plugin == "script")
        #expect(result.report.provenance?.params == ["who": "to lam"])
    }

    @Test func eachRunGetsAFreshState() throws {
        let host = makeHost()
        let file = host.catalog.plugin(named: "visit-list")!
        let first = try host.run(file, corpus: fixtureCorpus)
        let second = try host.run(file, corpus: fixtureCorpus)
        #expect(first.report.blocks == second.report.blocks)
        #expect(first.report.blocks.count == 1)
    }

    @Test func inspectionDoesNotPrint() {
        let printed = Printed()
        let host = makeHost(printed: printed)
        _ = host.inspect(host.catalog.plugin(named: "script")!)
        #expect(printed.text.isEmpty)
    }
}

@Suite struct PluginTestRunnerTests {
    @Test func newThenUpdateThenTestPasses() throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-plugin-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }

        let written = try PluginSkeleton.write(name: "my-report", into: folder, author: "Tester")
        #expect(FileManager.default.fileExists(atPath: written.plugin.path))
        #expect(written.expected.path == folder.appendingPathComponent("tests/my-report.expected.md").path)
        // Never overwritten.
        #expect(pluginError { try PluginSkeleton.write(name: "my-report", into: folder, author: nil) }?.kind == .io)
        #expect(pluginError { try PluginSkeleton.write(name: "My Report", into: folder, author: nil) }?.kind == .params)

        let host = PluginHost(searchPath: PluginSearchPath(bundled: nil, extra: [folder.path], environment: [:]))
        #expect(host.check(host.catalog.plugin(named: "my-report")!).isEmpty)
        let runner = PluginTestRunner(host: host, defaultCorpus: fixtureCorpusDir, defaultGazetteer: [fixtureGazetteerDir])
        let file = try host.resolve("my-report")

        // The placeholder does not match.
        guard case .failed(let diff) = runner.test(file, update: false).status else {
            Issue.record("expected a failure before --update")
            return
        }
        #expect(diff.contains("-<!-- Run `dossier test my-report --update`"))
        #expect(diff.contains("+# High-level visits per year"))

        #expect(runner.test(file, update: true).status == .updated)
        let expected = try String(contentsOf: written.expected, encoding: .utf8)
        #expect(expected.contains("| 2024 | 1 |"))
        #expect(!expected.contains("Generated by"))
        #expect(runner.test(file, update: false).status == .passed)

        // A change shows as a diff.
        try Data(expected.replacingOccurrences(of: "| 2024 | 1 |", with: "| 2024 | 2 |").utf8).write(to: written.expected)
        guard case .failed(let changed) = runner.test(file, update: false).status else {
            Issue.record("expected a failure after editing the expected file")
            return
        }
        #expect(changed.contains("-| 2024 | 2 |\n+| 2024 | 1 |"))
    }

    @Test func missingExpectedFileAndErrorsAreReported() {
        let host = makeHost(limits: LuaLimits(memoryMiB: 32, timeSeconds: 2))
        let runner = PluginTestRunner(host: host, defaultCorpus: fixtureCorpusDir, defaultGazetteer: [fixtureGazetteerDir])
        #expect(runner.test(host.catalog.plugin(named: "visit-count")!, update: false).status == .missingExpected)
        guard case .error(let message) = runner.test(host.catalog.plugin(named: "boom")!, update: false).status else {
            Issue.record("boom should fail")
            return
        }
        #expect(message.contains("boom.lua:2: boom 42"))
    }

    @Test func fixtureCorpusComesFromTheTestsFolder() {
        let runner = PluginTestRunner(host: makeHost(), defaultCorpus: URL(fileURLWithPath: "/default"), defaultGazetteer: [])
        #expect(runner.fixture(for: pluginsDir).corpus.path == fixtureCorpusDir.path)
        #expect(runner.fixture(for: pluginsDir).gazetteer.map(\.path) == [fixtureGazetteerDir.path])
        #expect(runner.fixture(for: shadowDir).corpus.path == "/default")
    }

    @Test func unifiedDiff() {
        let diff = UnifiedDiff.make(from: "a\nb\nc\nd\ne\nf\ng\nh\n", to: "a\nb\nc\nD\ne\nf\ng\nh\n")
        #expect(diff == """
        --- expected
        +++ actual
        @@ -1,7 +1,7 @@
         a
         b
         c
        -d
        +D
         e
         f
         g

        """)
        #expect(UnifiedDiff.make(from: "same\n", to: "same\n").isEmpty)
        // Hunks far apart stay apart, with their own line numbers.
        let lines = (1...20).map(String.init)
        let edited = lines.map { $0 == "2" ? "two" : $0 == "18" ? "eighteen" : $0 }
        let two = UnifiedDiff.make(from: lines.joined(separator: "\n"), to: edited.joined(separator: "\n"))
        #expect(two.contains("@@ -1,5 +1,5 @@\n 1\n-2\n+two\n"))
        #expect(two.contains("@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n"))
    }
}

@Suite struct ReplTests {
    @Test func expressionsStatementsAndContinuations() throws {
        let repl = try LuaRepl(options: LuaOptions(limits: LuaLimits(memoryMiB: 64, timeSeconds: 2)), corpus: fixtureCorpus)
        #expect(repl.evaluate("1 + 1") == .values("2"))
        #expect(repl.evaluate("=corpus.visit_count") == .values("3"))
        #expect(repl.evaluate("x = 20") == .values(""))
        #expect(repl.evaluate("x, 'two'") == .values("20\ttwo"))
        #expect(repl.evaluate("for i = 1, 2 do") == .incomplete)
        #expect(repl.evaluate("for i = 1, 2 do\n x = x + i\nend") == .values(""))
        #expect(repl.evaluate("x") == .values("23"))
        guard case .error(let message) = repl.evaluate("error('bad')") else {
            Issue.record("expected an error")
            return
        }
        #expect(message.hasPrefix("stdin:1: bad"))
        guard case .error(let slow) = repl.evaluate("while true do end") else {
            Issue.record("expected the time limit")
            return
        }
        #expect(slow.contains("time limit"))
        // The state is still usable.
        #expect(repl.evaluate("x") == .values("23"))
    }
}
