import Foundation
import Testing

/// Hostile input as a user with bad intentions would give it: alias bombs in YAML, control characters in
/// file names and text, `--out` pointed at devices, FIFOs and symlinks, a full disk, numeric options out
/// of range, huge `--param` values. Each ends with a clear message and the promised exit status, fast.
@Suite("Hostile input: loaders, output files, options, terminal escapes", .serialized)
struct HostileInputTests {
    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("dossier-hostile-\(UUID().uuidString.prefix(8))", isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func now() -> Double { Date().timeIntervalSince1970 }

    /// Nine levels of ten aliases each: a billion nodes in a few lines. `asKeys` uses them as mapping keys.
    static func aliasBomb(asKeys: Bool) -> String {
        var lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10)
            if asKeys {
                lines.append("a\(level): &a\(level) {" + refs.enumerated().map { "? [\($1), \($0)] : x" }.joined(separator: ", ") + "}")
            } else {
                lines.append("a\(level): &a\(level) [" + refs.joined(separator: ", ") + "]")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: YAML aliases

    @Test(arguments: [false, true])
    func anAliasBombInABatchPlanIsRefusedWithItsLine(asKeys: Bool) throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let plan = folder.appendingPathComponent("plan.yaml")
        try ("reports: [corpus-summary]\n" + Self.aliasBomb(asKeys: asKeys)).write(to: plan, atomically: true, encoding: .utf8)
        let start = Self.now()
        let result = try CommandRunner.run(["batch", "--plan", plan.path, "--out", folder.appendingPathComponent("out").path])
        #expect(Self.now() - start < 20)
        #expect(result.status == 64)
        #expect(result.stderr.contains("\(plan.path):"), "\(result.stderr)")
        #expect(result.stderr.contains("YAML aliases expand to more than 100000 nodes"), "\(result.stderr)")
    }

    @Test func anAliasBombInACorpusManifestIsReportedAndTheArticlesStillRead() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = try String(contentsOf: CommandRunner.repository.appendingPathComponent("Data/corpus")
            .appendingPathComponent(try FileManager.default.contentsOfDirectory(atPath: CommandRunner.repository.appendingPathComponent("Data/corpus").path)
                .sorted().first { $0.hasSuffix(".txt") }!), encoding: .utf8)
        try article.write(to: folder.appendingPathComponent("one.txt"), atomically: true, encoding: .utf8)
        try Self.aliasBomb(asKeys: true).write(to: folder.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        let start = Self.now()
        let result = try CommandRunner.run(["export", "documents", "--corpus", folder.path])
        #expect(Self.now() - start < 20)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("manifest.yaml:"), "\(result.stderr)")
        #expect(result.stderr.contains("YAML aliases expand to more than"), "\(result.stderr)")
        #expect(result.stdout.contains("one.txt"))
    }

    // MARK: Terminal escapes

    @Test func controlCharactersInFileNamesAreEscapedInMessages() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let name = "evil\n\u{1B}[2Jname.txt"
        try "   \n".write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["export", "documents", "--corpus", folder.path])
        #expect(!result.stderr.contains("\u{1B}"), "\(result.stderr)")
        #expect(result.stderr.contains("evil\\n\\x1b[2Jname.txt"), "\(result.stderr)")
    }

    // MARK: --out

    @Test func outToADeviceWritesToItAndLeavesItADevice() throws {
        let result = try CommandRunner.run(["run", "corpus-summary", "--out", "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(stat("/dev/null", &info) == 0 && info.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func outThroughASymlinkWritesItsTargetAndKeepsTheLink() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.md")
        try "old".write(to: target, atomically: true, encoding: .utf8)
        let link = folder.appendingPathComponent("link.md")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = try CommandRunner.run(["run", "corpus-summary", "--out", link.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("#"))
    }

    @Test func outToAFIFOWritesIntoIt() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fifo = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        final class Box: @unchecked Sendable { var data = Data() }
        let box = Box()
        let reader = Thread {
            if let handle = FileHandle(forReadingAtPath: fifo) { box.data = handle.readDataToEndOfFile() }
        }
        reader.start()
        let result = try CommandRunner.run(["run", "corpus-summary", "--format", "md", "--out", fifo])
        while reader.isExecuting || !reader.isFinished { usleep(10_000) }
        #expect(result.status == 0, "\(result.stderr)")
        var info = stat()
        #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(String(decoding: box.data, as: UTF8.self).hasPrefix("#"))
    }

    @Test func outToAFolderOrADanglingSymlinkIsRefused() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dangling = folder.appendingPathComponent("dangling.md")
        try FileManager.default.createSymbolicLink(atPath: dangling.path, withDestinationPath: folder.appendingPathComponent("nothing").path)
        let toFolder = try CommandRunner.run(["run", "corpus-summary", "--out", folder.path])
        #expect(toFolder.status == 1)
        #expect(toFolder.stderr.contains("cannot write \(folder.path): it is a folder"), "\(toFolder.stderr)")
        let toDangling = try CommandRunner.run(["run", "corpus-summary", "--out", dangling.path])
        #expect(toDangling.status == 1)
        #expect(toDangling.stderr.contains("symlink to a missing file"), "\(toDangling.stderr)")
    }

    @Test(arguments: [["run", "corpus-summary"], ["list"], ["export", "visits"], ["docs"]])
    func aFullDiskOnStandardOutputIsAnError(arguments: [String]) throws {
        let command = ([CommandRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let result = try CommandRunner.run(["eval", "--unsafe", "os.exit(os.execute(\"\(command) > /dev/full 2>/dev/null\") and 0 or 1)"])
        #expect(result.status == 1, "\(arguments) exited 0 on a full disk")
    }

    // MARK: Options

    @Test(arguments: [
        (["eval", "--memory", "9000000000000", "return 1"], "--memory 9000000000000: expected a number of MiB from 1 to 1048576"),
        (["eval", "--memory", "0", "return 1"], "--memory 0: expected"),
        (["eval", "--timeout", "0", "return 1"], "--timeout 0.0: expected a number of seconds"),
        (["eval", "--timeout", "nan", "return 1"], "--timeout nan: expected"),
        (["eval", "--timeout", "1e300", "return 1"], "--timeout 1e+300: expected"),
        (["export", "visits", "--jobs", "0"], "--jobs 0: expected a number of threads from 1 to 1024"),
        (["batch", "--jobs", "100000", "--out", "/tmp/dossier-never"], "--jobs 100000: expected"),
    ])
    func numericOptionsAreRangeChecked(arguments: [String], message: String) throws {
        let result = try CommandRunner.run(arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(!result.killedBySignal)
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test(arguments: ["lots", "-1", "1048577", "99999999999999999999"])
    func aMalformedTextMemoryVariableIsRefused(value: String) throws {
        let result = try CommandRunner.run(["list"], environment: ["DOSSIER_TEXT_MEMORY": value])
        #expect(result.status == 64, "\(value): \(result.stderr)")
        #expect(result.stderr.contains("DOSSIER_TEXT_MEMORY must be a whole number of MB from 0 to 1048576, not '\(value)'"),
                "\(result.stderr)")
        let taken = try CommandRunner.run(["list"], environment: ["DOSSIER_TEXT_MEMORY": "0"])
        #expect(taken.status == 0, "\(taken.stderr)")
    }

    @Test func aHugeParamValueIsRefusedFast() throws {
        let start = Self.now()
        let result = try CommandRunner.run(["run", "visits-per-decade", "--param", "country=" + String(repeating: "x", count: 100_000)])
        #expect(Self.now() - start < 5)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--param country: the value is 100000 characters long"), "\(result.stderr.prefix(300))")
    }

    // MARK: Lua errors that name no place

    @Test func aBytecodeFileIsRefusedByName() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("compiled.luac")
        try Data([0x1B, 0x4C, 0x75, 0x61, 0x54, 0x00, 0x19, 0x93]).write(to: file)
        let result = try CommandRunner.run(["eval", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file.path): attempt to load a binary chunk"), "\(result.stderr)")
    }

    @Test func aCStackOverflowInsideACFunctionCarriesFileAndLine() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("deep.lua")
        try "local function f(s)\n  return string.gsub(s, \".\", f)\nend\nf(\"abc\")\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["eval", file.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("\(file.path):2: C stack overflow"), "\(result.stderr.prefix(300))")
    }
}
