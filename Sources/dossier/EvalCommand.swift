import ArgumentParser
import Foundation
import LuaBridge

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

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run Lua code, a Lua file, or standard input.",
        discussion: """
        The argument is a file when it names one (or ends in .lua), standard input when it is '-', and \
        Lua code otherwise. Scripts run in the sandbox unless --unsafe is given. Errors are printed as \
        'file:line: message' with a traceback, and the exit status is 1.
        """
    )

    @Argument(help: ArgumentHelp("Lua code, a .lua file, or '-' for standard input.", valueName: "code-or-file"))
    var source: String

    @OptionGroup var lua: LuaRunOptions

    func run() throws {
        LuaState.installInterruptHandler { Foundation.exit(ExitStatus.interrupted) }
        LuaBackstop.enable()
        let state = try LuaState(options: LuaOptions(profile: lua.profile, limits: lua.limits,
                                                     modulePath: DossierPaths.moduleSearchPath()))
        do {
            if source == "-" {
                let input = FileHandle.standardInput.readDataToEndOfFile()
                try state.run(String(decoding: input, as: UTF8.self), name: "=stdin")
            } else if source.hasSuffix(".lua") || FileManager.default.fileExists(atPath: source) {
                try state.run(file: source)
            } else {
                try state.run(source, name: "=(command line)")
            }
        } catch {
            throw ScriptFailure(error)
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

/// Where Dossier finds its bundled files.
enum DossierPaths {
    /// The repository or installation root: `$DOSSIER_HOME`, or the folder above the executable's build
    /// folder that holds `Plugins/`, or the working directory.
    static let home: URL = {
        let fileManager = FileManager.default
        if let home = ProcessInfo.processInfo.environment["DOSSIER_HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true)
        }
        var candidate = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        for _ in 0..<5 {
            if fileManager.fileExists(atPath: candidate.appendingPathComponent("Plugins").path) { return candidate }
            candidate.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: fileManager.currentDirectoryPath, isDirectory: true)
    }()

    static var bundledPlugins: URL { home.appendingPathComponent("Plugins", isDirectory: true) }

    /// `require`'s search path: the bundled Plugins/lib, then each folder of `$DOSSIER_PLUGINS`.
    static func moduleSearchPath(extra: [String] = []) -> [String] {
        var folders = [bundledPlugins.appendingPathComponent("lib").path]
        folders += extra
        if let list = ProcessInfo.processInfo.environment["DOSSIER_PLUGINS"] {
            folders += list.split(separator: ":").map(String.init)
        }
        return folders.flatMap { ["\($0)/?.lua", "\($0)/?/init.lua"] }
    }
}
