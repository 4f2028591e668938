// The evaluation side of `dossier repl`: a state with the corpus preloaded and the API installed, and
// the rules of the lua5.4 REPL (an expression's values are printed; `=expr` works; an incomplete
// statement asks for more), values pretty-printed (see ReplPrinter.swift), and the REPL's own commands:
// `:help`, `:report [FORMAT]`, `:load PLUGIN`, `:reload` and `:run` for a plugin being edited. The
// terminal side (prompt, line editing, history) is the CLI's.

import CorpusModel
import Foundation
import LuaBridge
import Reports
import ScriptingAPI

public final class LuaRepl {
    public let state: LuaState
    public let environment: LuaTable
    public let collector: ReportCollector
    private let printer: LuaFunction
    private let catalog: PluginCatalog?
    private let corpus: SharedCorpus
    /// The plugin file `:load` loaded last, for `:reload`.
    public private(set) var loadedPlugin: URL?

    public enum Outcome: Equatable {
        /// The values of an expression, pretty-printed, tab-separated (empty for a statement), or a
        /// command's answer.
        case values(String)
        /// The chunk is not finished: read another line and try again with both.
        case incomplete
        /// The chunk failed: the message, with its traceback.
        case error(String)
    }

    /// The REPL's commands and what they do, for `:help`.
    public static let commands: [(name: String, doc: String)] = [
        (":help", "this list"),
        (":report [FORMAT]", "what the inputs have put in `report` (text, md, csv, json or html; text by default)"),
        (":load PLUGIN", "run a plugin file (a name on the plugin path, or a path) and keep what it returns as `plugin`"),
        (":reload", "read the plugin `:load` loaded again, after you edited it"),
        (":run [KEY=VALUE...]", "call `plugin.run(ctx)` with this REPL's corpus and report, and the plugin's parameters (its defaults, or these)"),
    ]

    /// A state with `corpus`, `report`, `dates`, `dossier` and an empty `params` as globals; `searchPath`
    /// lets `:load` find plugins by name.
    public init(options: LuaOptions, corpus: SharedCorpus, searchPath: PluginSearchPath? = nil, width: Int = 100) throws(LuaError) {
        state = try LuaState(options: options)
        environment = try state.makeEnvironment()
        collector = ReportCollector(title: "REPL")
        try DossierAPI.install(into: environment, state: state, corpus: corpus, report: collector)
        try environment.set("params", state.value([String: String]()))
        let made = try state.load(string: ReplPrinter.source, name: "=(repl printer)", environment: state.globals)
            .call(Int64(3), Int64(20), Int64(width))
        guard case .function(let printer)? = made.first else {
            throw LuaError(kind: .runtime, message: "the REPL printer did not load")
        }
        self.printer = printer
        catalog = searchPath.map { PluginCatalog(searchPath: $0) }
        self.corpus = corpus
    }

    /// What the inputs have put in `report` so far.
    public var report: Report { collector.report }

    /// Evaluates one chunk (one line, or several lines of an unfinished statement).
    public func evaluate(_ source: String) -> Outcome {
        var code = source
        if code.hasPrefix("=") { code = "return " + code.dropFirst() }
        let function: LuaFunction
        if let expression = try? state.load(string: "return " + code, name: "=stdin", environment: environment) {
            function = expression
        } else {
            do {
                function = try state.load(string: code, name: "=stdin", environment: environment)
            } catch {
                if error.kind == .syntax && error.message.hasSuffix("<eof>") { return .incomplete }
                return .error(error.description)
            }
        }
        do {
            return .values(try show(try function.call()))
        } catch {
            return .error(error.description)
        }
    }

    /// Values as the REPL prints them: pretty-printed, tab-separated.
    public func show(_ values: [LuaValue]) throws(LuaError) -> String {
        var texts: [String] = []
        for value in values { texts.append(try printer.call(value).first.flatMap(\.stringValue) ?? "") }
        return texts.joined(separator: "\t")
    }

    /// Runs a REPL command (a line starting with `:`); nil when `line` is not one.
    public func command(_ line: String, render renderOptions: RenderOptions = .default) -> Outcome? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix(":") else { return nil }
        let parts = trimmed.split(separator: " ", maxSplits: 1).map(String.init)
        let argument = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        switch parts[0] {
        case ":help":
            let width = Self.commands.map(\.name.count).max() ?? 0
            return .values(Self.commands.map { $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.doc }
                .joined(separator: "\n") + "\nAnything else is Lua: an expression's values are printed ('=expr' too); Ctrl-D quits.")
        case ":report":
            guard let format = argument.isEmpty ? .text : ReportFormat(rawValue: argument) else {
                return .error(":report takes one of \(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .values(render(report, as: format, options: renderOptions).trimmingCharacters(in: .newlines))
        case ":load":
            guard !argument.isEmpty else { return .error(":load takes a plugin name or a .lua file") }
            return load(argument)
        case ":reload":
            guard let loadedPlugin else { return .error(":reload: no plugin loaded yet (:load PLUGIN first)") }
            return load(loadedPlugin.path)
        case ":run":
            return run(argument)
        default:
            let names = Self.commands.map { String($0.name.split(separator: " ")[0]) }
            return .error("unknown command \(parts[0])\(Suggestion.hint(for: parts[0], among: names)); :help lists them")
        }
    }

    /// Calls the loaded plugin's `run` with its parameters resolved as `dossier run` would resolve them.
    private func run(_ assignments: String) -> Outcome {
        guard let url = loadedPlugin, case .table(let table)? = try? environment.get("plugin"),
              case .function(let runFunction)? = try? table.get("run") else {
            return .error(":run: no plugin with a run function (:load PLUGIN first)")
        }
        var given: [String: String] = [:]
        for assignment in assignments.split(separator: " ") {
            let pair = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard pair.count == 2 else { return .error(":run takes KEY=VALUE parameters, got '\(assignment)'") }
            given[pair[0]] = pair[1]
        }
        let file = PluginFile(url: url, origin: .path)
        var reader = ManifestReader(state: state, file: file)
        guard let manifest = reader.read(table), reader.problems.isEmpty else {
            return .error(reader.problems.map(\.description).joined(separator: "\n"))
        }
        do {
            let values = try ParamResolver(corpus: corpus.corpus).resolve(given, for: manifest, file: file)
            var params: [String: LuaValue] = [:]
            for (key, value) in values { params[key] = try value.luaValue(in: state) }
            let paramsTable = state.value(params)
            try environment.set("params", paramsTable)
            let ctx = state.value(["corpus": try environment.get("corpus"), "report": try environment.get("report"),
                                   "params": paramsTable] as [String: LuaValue])
            try runFunction.call(ctx)
            return .values("ran \(manifest.name): :report shows what it reported")
        } catch let error as PluginError {
            return .error(error.message)
        } catch {
            return .error(String(describing: error))
        }
    }

    /// Runs a plugin file in the REPL's environment and binds what it returns to `plugin`.
    private func load(_ nameOrPath: String) -> Outcome {
        let url: URL
        if nameOrPath.hasSuffix(".lua") || nameOrPath.contains("/") {
            url = URL(fileURLWithPath: nameOrPath)
        } else if let file = catalog?.plugin(named: nameOrPath) {
            url = file.url
        } else {
            let names = catalog?.plugins.map(\.name) ?? []
            return .error(":load: no plugin named '\(nameOrPath)'\(Suggestion.hint(for: nameOrPath, among: names))")
        }
        do {
            let results = try state.load(file: url.path, environment: environment).call()
            try environment.set("plugin", results.first ?? .nil)
            loadedPlugin = url
            if case .table(let table)? = results.first, case .string(let title) = try table.get("title") {
                return .values("loaded \(url.lastPathComponent): \(title); `plugin` holds its manifest, :run runs it, :reload reads it again")
            }
            return .values("ran \(url.lastPathComponent) (it returned no manifest)")
        } catch {
            return .error(error.description)
        }
    }
}
