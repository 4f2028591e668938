// `dossier repl`: Lua with the corpus preloaded, line editing and history.
import ArgumentParser
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI

extension Dossier {
    struct Repl: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "repl",
            abstract: "An interactive Lua prompt with the corpus preloaded.",
            discussion: """
            The API's globals (corpus, report, dates, dossier, params) are set; the state is sandboxed unless \
            --unsafe is given. As in lua5.4, an expression's values are printed ('=expr' works too) and an \
            unfinished statement continues on the next line; tables are pretty-printed. ':help' lists the \
            commands: ':report [FORMAT]' shows what the inputs have put in 'report' (text by default), \
            ':load PLUGIN', ':reload' and ':run' load, reload and run a plugin being edited. Each input is limited by --timeout and --memory; \
            Ctrl-C stops a running input. Line editing uses Debian's libedit (or readline) when the \
            terminal allows it; history is kept in ~/.dossier_history ($DOSSIER_HISTORY to change it). \
            Ctrl-D quits.
            """)

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var pluginPath: PluginPathOptions
        @OptionGroup var lua: LuaRunOptions

        func run() throws {
            let corpus = try corpusOptions.sharedCorpus()
            let searchPath = try pluginPath.searchPath()
            let modulePath = searchPath.modulePath()
            let repl: LuaRepl
            do {
                repl = try LuaRepl(options: LuaOptions(profile: lua.profile, limits: lua.limits, modulePath: modulePath),
                                   corpus: corpus, searchPath: searchPath,
                                   width: Terminal.reportWidth(toTerminal: Terminal.isStandardOutput))
            } catch {
                throw ScriptFailure(error)
            }
            let interactive = Terminal.isStandardInput
            let editor = LineEditor(interactive: interactive)
            // Ctrl-C stops a running input; at the prompt it quits, leaving the terminal as it found it.
            var terminal = termios()
            let saved = interactive && tcgetattr(STDIN_FILENO, &terminal) == 0 ? terminal : nil
            LuaState.installInterruptHandler {
                editor.close()
                if var saved { tcsetattr(STDIN_FILENO, TCSANOW, &saved) }
                StandardOutput.write("\n")
                Foundation.exit(ExitStatus.interrupted)
            }
            if interactive {
                let model = corpus.corpus
                print("\(DossierVersion.text), \(lua.unsafe ? "unsafe" : "sandboxed"): \(model.documents.count) documents, \(model.visits.count) visits, \(model.entities.count) entities")
                print("Globals: corpus, report, dates, dossier, params. '=expr' prints a value; ':help' lists the commands; Ctrl-D quits.")
            }
            var buffer = ""
            while let line = editor.readLine(prompt: buffer.isEmpty ? "> " : ">> ") {
                buffer = buffer.isEmpty ? line : buffer + "\n" + line
                let trimmed = buffer.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty {
                    buffer = ""
                    continue
                }
                // `:help`, `:report`, `:load`, `:reload`, `:run`: the REPL's own commands.
                let options = RenderOptions(width: Terminal.reportWidth(toTerminal: interactive), color: Terminal.color)
                switch repl.command(buffer, render: options) ?? repl.evaluate(buffer) {
                case .incomplete:
                    continue
                case .values(let text):
                    if !text.isEmpty { print(text) }
                case .error(let message):
                    fflush(nil)
                    standardError(message)
                }
                editor.remember(buffer)
                buffer = ""
            }
            if interactive { print() }
            editor.close()
        }
    }
}

/// Reads lines with libedit's (or readline's) editing when standard input is a terminal and the library
/// loads, else plainly; keeps the history in a file either way.
final class LineEditor: @unchecked Sendable {
    private typealias ReadlineFunction = @convention(c) (UnsafePointer<CChar>?) -> UnsafeMutablePointer<CChar>?
    private typealias AddHistoryFunction = @convention(c) (UnsafePointer<CChar>?) -> Int32

    private var readline: ReadlineFunction?
    private var addHistory: AddHistoryFunction?
    private let interactive: Bool
    private let historyURL: URL
    private var history: FileHandle?
    static let historyLimit = 1000

    init(interactive: Bool) {
        self.interactive = interactive
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["DOSSIER_HISTORY"], !path.isEmpty {
            historyURL = URL(fileURLWithPath: path)
        } else {
            historyURL = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".dossier_history")
        }
        if interactive && environment["TERM"] != "dumb" { loadLibrary() }
        loadHistory()
    }

    /// Looks for the editing library at run time, so the build needs no headers and the tool runs
    /// without it.
    private func loadLibrary() {
        for name in ["libedit.so.2", "libreadline.so.8"] {
            guard let handle = dlopen(name, RTLD_NOW | RTLD_LOCAL) else { continue }
            guard let read = dlsym(handle, "readline"), let add = dlsym(handle, "add_history") else {
                dlclose(handle)
                continue
            }
            readline = unsafeBitCast(read, to: ReadlineFunction.self)
            addHistory = unsafeBitCast(add, to: AddHistoryFunction.self)
            return
        }
    }

    private func loadHistory() {
        if let data = FileManager.default.contents(atPath: historyURL.path) {
            let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").suffix(Self.historyLimit)
            if let addHistory { for line in lines { _ = addHistory(String(line)) } }
        }
        if !FileManager.default.fileExists(atPath: historyURL.path) {
            _ = FileManager.default.createFile(atPath: historyURL.path, contents: nil,
                                           attributes: [.posixPermissions: 0o600])
        }
        history = try? FileHandle(forWritingTo: historyURL)
        _ = try? history?.seekToEnd()
    }

    func readLine(prompt: String) -> String? {
        if let readline {
            guard let line = readline(prompt) else { return nil }
            defer { free(line) }
            return String(cString: line)
        }
        if interactive {
            StandardOutput.write(prompt)
        }
        return Swift.readLine(strippingNewline: true)
    }

    /// Adds an input to the history (each of its lines, in the file).
    func remember(_ input: String) {
        guard interactive else { return }
        for line in input.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            _ = addHistory?(String(line))
            history?.write(Data((line + "\n").utf8))
        }
    }

    func close() {
        try? history?.close()
        history = nil
    }
}
