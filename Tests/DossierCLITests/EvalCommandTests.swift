import Foundation
import Testing

@Suite("dossier eval and --version")
struct EvalCommandTests {
    @Test func versionNamesTheLuaRelease() throws {
        let result = try CommandRunner.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("dossier "))
        #expect(result.stdout.contains("Lua 5.4"))
    }

    @Test func helpDocumentsTheExitStatuses() throws {
        let result = try CommandRunner.run(["--help"])
        #expect(result.stdout.contains("EXIT STATUS"))
        #expect(result.stdout.contains("130"))
    }

    @Test func codeFromTheCommandLinePrintsToStandardOutput() throws {
        let result = try CommandRunner.run(["eval", "print('hello', 1 + 1)"])
        #expect(result.status == 0)
        #expect(result.stdout == "hello\t2\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func standardInputIsAChunkToo() throws {
        let result = try CommandRunner.run(["eval", "-"], input: "print(#'abc')\n")
        #expect(result.stdout == "3\n")
    }

    @Test func aFileErrorNamesTheFileAndLineWithATraceback() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = folder.appendingPathComponent("broken.lua")
        try "print('before')\nlocal function f() error('went wrong') end\nf()\n".write(to: script, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["eval", script.path])
        #expect(result.status == 1)
        #expect(result.stdout == "before\n")
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine.hasSuffix("broken.lua:2: went wrong"))
        #expect(result.stderr.contains("stack traceback:"))
        #expect(result.stderr.contains("broken.lua:3: in main chunk"))
    }

    @Test func limitsExitWithTheirOwnMessage() throws {
        let loop = try CommandRunner.run(["eval", "--timeout", "0.3", "while true do end"])
        #expect(loop.status == 1)
        #expect(loop.stderr.hasPrefix("(command line):1: time limit of 0.3 s exceeded"))
        let hog = try CommandRunner.run(["eval", "--memory", "16", "local t = {} while true do t[#t+1] = {} end"])
        #expect(hog.status == 1)
        #expect(hog.stderr.hasPrefix("(command line):1: memory limit of 16 MiB exceeded"))
    }

    @Test func theSandboxIsTheDefaultAndUnsafeLiftsIt() throws {
        // The sandbox's guide refuses a library it leaves out with a message rather than a nil.
        let sandboxed = try CommandRunner.run(["eval", "print(io)"])
        #expect(sandboxed.status == 1 && sandboxed.stdout.isEmpty)
        #expect(sandboxed.stderr.hasPrefix("(command line):1: io is not available in the sandbox"))
        let trusted = try CommandRunner.run(["eval", "--unsafe", "print(type(io.write))"])
        #expect(trusted.stdout == "function\n")
    }

    @Test func badOptionsAreUsageErrors() throws {
        let result = try CommandRunner.run(["eval", "--timeout", "-1", "print(1)"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--timeout"))
    }

    @Test func ctrlCStopsTheScriptAndTheHostExitsCleanly() throws {
        let result = try CommandRunner.run(["eval", "--timeout", "30", "while true do end"], interruptAfter: 0.5)
        #expect(!result.killedBySignal)
        #expect(result.status == 130)
        #expect(result.stderr.contains("interrupted"))
    }

    @Test func aClosedPipeDoesNotKillTheHost() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["eval", "for i = 1, 100000 do print(i) end"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        try pipe.fileHandleForReading.close()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
    }

    @Test func anExportIntoAClosedPipeEndsQuietly() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.currentDirectoryURL = CommandRunner.repository
        process.arguments = ["export", "visits", "--format", "jsonl"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        try out.fileHandleForReading.close()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(!message.contains("Fatal error"), "\(message)")
    }
}

@Suite("dossier eval sees the corpus")
struct EvalCorpusTests {
    @Test func evalHasTheGlobalsOfAPlainScript() throws {
        let result = try CommandRunner.run(["eval", "print(#corpus.documents(), type(report), type(dates), type(dossier), type(params))"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "5\ttable\ttable\ttable\ttable\n", "\(result.stdout)")
    }

    @Test func evalTakesCorpusAndPrintsTheReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-eval-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let article = "2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt"
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/corpus/\(article)"),
                                         to: folder.appendingPathComponent(article))
        let result = try CommandRunner.run(["eval", "--corpus", folder.path, "report.heading('Count'); print(#corpus.documents())"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("1\n"), "\(result.stdout)")
        #expect(result.stdout.contains("Count"), "\(result.stdout)")
    }

    @Test func unsafeWithoutACorpusIsPlainLua() throws {
        let result = try CommandRunner.run(["eval", "--unsafe", "print(corpus, report, type(io.write))"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "nil\tnil\tfunction\n")
        let withCorpus = try CommandRunner.run(["eval", "--unsafe", "--corpus", "Data/corpus", "print(#corpus.documents(), type(io.write))"])
        #expect(withCorpus.stdout == "5\tfunction\n", "\(withCorpus.stdout)\(withCorpus.stderr)")
    }
}
