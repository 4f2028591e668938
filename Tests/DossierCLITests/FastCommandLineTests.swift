import Foundation
import Testing

/// `dossier run NAME` with plain options is read without ArgumentParser (`FastCommandLine`). The debug build
/// these tests run parses every such command line with ArgumentParser too and stops when the commands differ.
@Suite("the fast command line of dossier run")
struct FastCommandLineTests {
    /// The report without its time of generation (the one field two runs do not share).
    static func withoutTime(_ report: String) -> String {
        report.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"generatedAt\"") }
            .joined(separator: "\n")
    }

    @Test func everyOptionItReadsGivesTheParsersCommand() throws {
        let folder = try PluginCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = folder.appendingPathComponent("cache").path
        // Every option the fast path reads, with the plugin's name after them (the parser allows it anywhere).
        let fast = ["run", "--format", "json", "--quiet", "--cache", cache, "--corpus", "Data/corpus", "--param", "min_level=high",
                    "--param", "status=any", "--timeout", "30", "--memory", "512", "visits-per-decade"]
        // The same options in the `--name=value` form, which the fast path leaves to the parser.
        let parsed = ["run", "--format=json", "--quiet", "--cache=\(cache)", "--corpus=Data/corpus", "--param=min_level=high",
                      "--param=status=any", "--timeout=30", "--memory=512", "visits-per-decade"]
        let first = try CommandRunner.run(fast), second = try CommandRunner.run(parsed)
        #expect(first.status == 0 && !first.killedBySignal, "\(first.stderr)")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(first.stdout.contains("\"Visits per decade\""))
        #expect(Self.withoutTime(first.stdout) == Self.withoutTime(second.stdout))
        let uncached = try CommandRunner.run(["run", "visits-per-decade", "--no-cache", "--out", folder.appendingPathComponent("r.md").path])
        #expect(uncached.status == 0 && !uncached.killedBySignal, "\(uncached.stderr)")
        let written = try String(contentsOf: folder.appendingPathComponent("r.md"), encoding: .utf8)
        #expect(written.contains("# Visits per decade"))
    }

    @Test(arguments: [
        (["run", "visits-per-decade", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
        (["run", "visits-per-decade", "--timeout", "0"], "--timeout 0.0: expected a number of seconds"),
        (["run", "visits-per-decade", "--param", "nokey"], "--param nokey: expected key=value"),
        (["run", "visits-per-decade", "--param", "country=a", "--param", "country=b"], "--param country is given twice"),
        (["run", "visits-per-decade", "--cache"], "Missing value for '--cache <dir>'"),
        (["run", "visits-per-decade", "extra"], "Unexpected argument 'extra'"),
        (["run", "--quiet"], "Missing expected argument '<name-or-file>'"),
        (["run", "visits-per-decade", "--separator", ";"], "--table, --excel and --separator apply to CSV"),
    ])
    func whatItDeclinesTheParserReports(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64 && !result.killedBySignal, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test func helpIsTheParsers() throws {
        let result = try CommandRunner.run(["run", "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: dossier run [<options>] <name-or-file>"), "\(result.stdout.prefix(300))")
    }
}
