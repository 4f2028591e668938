import ArgumentParser
import Foundation
import LuaBridge
import Reports
import ScriptingAPI

/// Options shared by every command that runs Lua.
struct LuaRunOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Stop a script after this many seconds of wall time.", valueName: "seconds"))
    var timeout: Double = LuaLimits.defaultTimeSeconds

    @Option(help: ArgumentHelp("Cap the memory a script may hold, in MiB.", valueName: "mib"))
    var memory: Int = LuaLimits.defaultMemoryMiB

    @Flag(help: "Run with the full standard library (io, os, debug, bytecode): for your own scripts only.")
    var unsafe = false

    /// The largest limits taken: a year, and 1 TiB (larger values would overflow on the way to bytes).
    static let maximumTimeout = 365.0 * 24 * 3600
    static let maximumMemoryMiB = 1 << 20

    func validate() throws {
        guard timeout.isFinite, timeout > 0, timeout <= Self.maximumTimeout else {
            throw ValidationError("--timeout \(timeout): expected a number of seconds more than 0 and at most \(Int(Self.maximumTimeout)) (a year).")
        }
        guard (1...Self.maximumMemoryMiB).contains(memory) else {
            throw ValidationError("--memory \(memory): expected a number of MiB from 1 to \(Self.maximumMemoryMiB) (1 TiB).")
        }
    }

    var limits: LuaLimits { LuaLimits(memoryMiB: memory, timeSeconds: timeout) }
    var profile: LuaProfile { unsafe ? .trusted : .sandbox }
}

extension LuaRunOptions {
    /// The options as the parser leaves them when none is given (`FastCommandLine` starts from them).
    static var defaults: LuaRunOptions {
        var options = LuaRunOptions()
        options.timeout = LuaLimits.defaultTimeSeconds
        options.memory = LuaLimits.defaultMemoryMiB
        options.unsafe = false
        return options
    }
}

extension Dossier {
    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "eval",
            abstract: "Run Lua code, a Lua file, or standard input, with the corpus loaded.",
            discussion: """
            The argument is a file when it names one (or ends in .lua), standard input when it is '-', and \
            Lua code otherwise. The code sees the globals a plain script sees (corpus, report, dates, dossier, \
            params) over the corpus of --corpus, the workspace or the sample corpus; what it puts in 'report' is \
            printed as text after it ends. Scripts run in the sandbox unless --unsafe is given; --unsafe \
            without --corpus is a plain Lua 5.4 interpreter (no corpus is read). Errors are printed as \
            'file:line: message' with a traceback, and the exit status is 1.
            """
        )

        @Argument(help: ArgumentHelp("Lua code, a .lua file, or '-' for standard input.", valueName: "code-or-file"))
        var source: String

        @OptionGroup var lua: LuaRunOptions
        @OptionGroup var corpusOptions: CorpusOptions

        /// `--unsafe` alone: the lua5.4 interpreter's behaviour, nothing of Dossier's loaded.
        var plainLua: Bool { lua.unsafe && corpusOptions.corpus.isEmpty }

        func run() throws {
            // Ctrl-C while the corpus is read (a script's own interruption is reported by Lua, with its line).
            LuaState.installInterruptHandler {
                standardError("dossier eval: interrupted")
                Foundation.exit(ExitStatus.interrupted)
            }
            let modulePath = plainLua ? ((try? DossierPaths.moduleSearchPath()) ?? []) : try DossierPaths.moduleSearchPath()
            let corpus = plainLua ? nil : try corpusOptions.sharedCorpus()
            LuaBackstop.enable()
            let state = try LuaState(options: LuaOptions(profile: lua.profile, limits: lua.limits, modulePath: modulePath))
            let collector = ReportCollector(title: "eval")
            do {
                var environment: LuaTable?
                if let corpus {
                    let globals = try state.makeEnvironment()
                    try DossierAPI.install(into: globals, state: state, corpus: corpus, report: collector)
                    try globals.set("params", state.value([String: String]()))
                    environment = globals
                }
                try load(into: state, environment: environment).call()
            } catch {
                throw ScriptFailure(error)
            }
            let report = collector.report
            if !report.blocks.isEmpty {
                fflush(nil)
                StandardOutput.write(render(report, as: .text, options: RenderOptions(width: Terminal.width, color: Terminal.color)))
            }
        }

        /// The chunk: standard input, a file, or the argument itself.
        private func load(into state: LuaState, environment: LuaTable?) throws(LuaError) -> LuaFunction {
            if source == "-" {
                let input = FileHandle.standardInput.readDataToEndOfFile()
                return try state.load(string: String(decoding: input, as: UTF8.self), name: "=stdin", environment: environment)
            }
            if source.hasSuffix(".lua") || FileManager.default.fileExists(atPath: source) {
                return try state.load(file: source, environment: environment)
            }
            return try state.load(string: source, name: "=(command line)", environment: environment)
        }
    }
}

/// A script's error, printed as Lua prints it, with the exit status its kind calls for.
struct ScriptFailure: Error, CustomStringConvertible {
    let error: LuaError
    init(_ error: LuaError) { self.error = error }
    var description: String { error.description }

    var exitStatus: Int32 { error.kind == .interrupted ? ExitStatus.interrupted : ExitStatus.failure }
}

/// The exit statuses of `dossier`, documented in `dossier --help` and the README.
enum ExitStatus {
    static let success: Int32 = 0
    /// A script or plugin failed, or hit a limit.
    static let failure: Int32 = 1
    /// The command line was wrong.
    static let usage: Int32 = 64
    /// Stopped by Ctrl-C.
    static let interrupted: Int32 = 130

    static let help = """
    EXIT STATUS:
      0    success
      1    a script or plugin failed or hit its time or memory limit; a plugin test
           failed; 'check' found a problem
      64   the command line is wrong (unknown option, bad value, unknown plugin,
           unknown or mistyped --param)
      130  interrupted by Ctrl-C
    """
}
