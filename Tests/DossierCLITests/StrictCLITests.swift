import Foundation
import Testing

/// What a user sees of the API's strictness at the command line.
@Suite("dossier info, check and run on mistakes")
struct StrictCLITests {
    @Test func infoSaysWhetherAFileIsAPluginOrAPlainScript() throws {
        let plugin = try CommandRunner.run(["info", "visits-per-decade"])
        #expect(plugin.status == 0 && plugin.stdout.contains("kind:") && plugin.stdout.contains("plugin (its file returns a manifest with run)"))
        let script = try CommandRunner.run(["info", "Tests/PluginHostTests/Fixtures/plugins/script.lua"])
        #expect(script.status == 0 && script.stdout.contains("a plain script"))
    }

    @Test func aPluginWithoutItsReturnFailsCheckAndRun() throws {
        let check = try CommandRunner.run(["check", "Tests/PluginHostTests/Fixtures/bad/no-return.lua"])
        #expect(check.status == 1 && check.stdout.contains("returns no manifest"), "\(check.stdout)")
        let run = try CommandRunner.run(["run", "Tests/PluginHostTests/Fixtures/bad/run-typo.lua"])
        #expect(run.status != 0 && run.stderr.contains("unknown field 'rnu' (did you mean 'run'?)"), "\(run.stderr)")
    }

    @Test func aMisspeltFieldStopsTheRunAtItsLine() throws {
        let folder = try PluginCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("typo.lua")
        try "local v = corpus.visits{}:first()\nreport.paragraph(v.destinaton)\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try CommandRunner.run(["run", script.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("typo.lua:2: Visit has no field 'destinaton' (did you mean 'destination'?)"), "\(run.stderr)")
        try "local f = io.open('x')\n".write(to: script, atomically: true, encoding: .utf8)
        let sandboxed = try CommandRunner.run(["run", script.path])
        #expect(sandboxed.status == 1 && sandboxed.stderr.contains("not available in the sandbox") && sandboxed.stderr.contains("--unsafe"))
    }
}
