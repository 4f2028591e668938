import ArgumentParser
import CorpusModel
import Foundation
import TerminalText
import LuaBridge
import Workspace

@main
struct Dossier: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dossier",
        abstract: "Turn news articles about diplomatic relations into a structured model, and query it with Lua.",
        discussion: ExitStatus.help,
        version: DossierVersion.text,
        // Every subcommand gives its name (`commandName`): ArgumentParser otherwise makes it from the type's name
        // with `String(describing:)`, a search of the binary's protocol conformances per command on every start.
        subcommands: [Eval.self, Export.self, Evaluate.self, List.self, Info.self, Run.self, Check.self, New.self,
                      Test.self, Repl.self, Stubs.self, Docs.self, Batch.self, BatchWorkerCommand.self, Train.self,
                      Init.self, Status.self, Index.self, Merge.self, Review.self]
    )

    /// Runs the command, printing a script's error as Lua gives it (no "Error:" prefix).
    static func main() {
        // A closed pipe must end the output, not kill the process.
        signal(SIGPIPE, SIG_IGN)
        ProcessExit.startCommandLine()
        refuseMalformedEnvironment()
        do {
            var command: ParsableCommand = try FastCommandLine.command(Array(CommandLine.arguments.dropFirst())) ?? parseAsRoot()
            try command.run()
            StandardOutput.finish()
        } catch let error as ResourceError {
            FileHandle.standardError.write(Data(("dossier: " + error.message + "\n").utf8))
            Foundation.exit(ExitStatus.failure)
        } catch let error as WorkspaceError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Foundation.exit(ExitStatus.usage)
        } catch let failure as ScriptFailure {
            standardError(failure.description)
            Foundation.exit(failure.exitStatus)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                standardError(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage)
            }
            exit(withError: error)
        }
    }
}

extension Dossier {
    /// An environment variable that tunes Dossier and holds what it cannot take is refused before any
    /// work, as an option would be, rather than silently ignored.
    static func refuseMalformedEnvironment() {
        if let value = ProcessEnvironment.value("DOSSIER_TEXT_MEMORY"), TextStore.memoryLimit(megabytes: value) == nil {
            standardError("dossier: DOSSIER_TEXT_MEMORY must be a whole number of MB from 0 to "
                          + "\(TextStore.largestMemoryMegabytes), not '\(TerminalText.escaped(value))'")
            Foundation.exit(ExitStatus.usage)
        }
    }
}

enum DossierVersion {
    static let number = "0.1.0"
    static var text: String { "dossier \(number) (\(LuaState.luaRelease))" }
}

/// Standard output for whole documents (exports, reports, stubs). A reader that stops early (`| head`) ends
/// the output quietly with status 0; FileHandle's `write` would stop the process with a crash report instead.
enum StandardOutput {
    /// Flushes what `print` buffered: a write error there (a full disk) is an error too, with status 1.
    static func finish() {
        if fflush(nil) != 0 {
            let problem = errno
            if problem == EPIPE { return }
            FileHandle.standardError.write(Data("dossier: cannot write to standard output: \(String(cString: strerror(problem)))\n".utf8))
            Foundation.exit(1)
        }
    }

    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var done = 0
            while done < bytes.count {
                let n = Glibc.write(1, bytes.baseAddress! + done, bytes.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    if errno == EPIPE { Foundation.exit(0) }
                    FileHandle.standardError.write(Data("dossier: cannot write to standard output: \(String(cString: strerror(errno)))\n".utf8))
                    Foundation.exit(1)
                }
                done += n
            }
        }
    }
}
