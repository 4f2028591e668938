// The plugin commands: `dossier list`, `info`, `run`, `check`, `new`, `test`, `stubs` and `docs`.
import ArgumentParser
import CorpusModel
import Foundation
import LuaBridge
import PluginHost
import Reports
import ScriptingAPI
import TerminalText

extension ReportFormat: ExpressibleByArgument {}

/// `--plugins DIR`, shared by every command that looks for plugins.
struct PluginPathOptions: ParsableArguments {
    @Option(name: .customLong("plugins"),
            help: ArgumentHelp("Also look for plugins in this folder (after the bundled Plugins/, before $DOSSIER_PLUGINS); repeat for several.",
                               valueName: "dir"))
    var directories: [String] = []

    func validate() throws {
        for directory in directories {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("--plugins \(directory): no such folder")
            }
        }
    }

    /// The bundled plugins, then --plugins (else the workspace's plugin folders), then $DOSSIER_PLUGINS.
    func searchPath() throws -> PluginSearchPath {
        let extra = try DossierPaths.folders(option: directories, workspace: \.plugins) { [] }.map(\.path)
        return PluginSearchPath(bundled: try DossierPaths.bundledPlugins(), extra: extra)
    }

    func host(lua: LuaRunOptions? = nil) throws -> PluginHost {
        PluginHost(searchPath: try searchPath(),
                   options: PluginHostOptions(profile: lua?.profile ?? .sandbox, limits: lua?.limits ?? LuaLimits(),
                                              dossierVersion: DossierVersion.number))
    }

    /// The plugin files `selectors` name on the host's search path; a selector that names none ends the command.
    func select(_ selectors: [String], from host: PluginHost) -> [PluginFile] {
        do { return try host.select(selectors) } catch { pluginFailure(error) }
    }
}

extension PluginPathOptions {
    /// The options as the parser leaves them when none is given (`FastCommandLine` starts from them).
    static var defaults: PluginPathOptions {
        var options = PluginPathOptions()
        options.directories = []
        return options
    }
}

/// `--param key=value`.
struct ParamAssignment: ExpressibleByArgument {
    var key: String
    var value: String

    init?(argument: String) {
        guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else { return nil }
        key = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
        value = String(argument[argument.index(after: equals)...])
    }

    /// The longest `--param` value taken: longer ones are refused before any check compares them with
    /// names and choices (which would take seconds for 100,000 characters).
    static let maximumLength = 10_000

    static func checkLengths(_ params: [ParamAssignment]) throws {
        for param in params where param.key.utf8.count + param.value.utf8.count > maximumLength {
            let key = TerminalText.escaped(String(param.key.prefix(40)))
            throw ValidationError("--param \(key): the value is \(param.value.count) characters long; at most \(maximumLength) are taken")
        }
    }

    /// For `@Option(transform:)`: the same, with a message that says what is wrong.
    static func parse(_ argument: String) throws -> ParamAssignment {
        guard let assignment = ParamAssignment(argument: argument), !assignment.key.isEmpty else {
            throw ValidationError("--param \(argument): expected key=value, e.g. --param min_level=minister")
        }
        return assignment
    }
}

/// Prints a plugin error as the user should see it and exits with the status its kind calls for.
func pluginFailure(_ error: PluginError) -> Never {
    fflush(nil)
    standardError(error.description)
    switch error.kind {
    case .notFound, .params: Foundation.exit(ExitStatus.usage)
    case .lua where error.luaError?.kind == .interrupted: Foundation.exit(ExitStatus.interrupted)
    default: Foundation.exit(ExitStatus.failure)
    }
}

/// Prints a message on standard error, its control characters escaped (file names, plugin messages and
/// article text may hold terminal escapes); line breaks and tabs stay.
func standardError(_ text: String) {
    let safe = TerminalText.escaped(text, keepingNewlines: true)
    FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
}

/// The terminal standard output is, if it is one.
enum Terminal {
    static var isStandardOutput: Bool { isatty(STDOUT_FILENO) != 0 }
    static var isStandardInput: Bool { isatty(STDIN_FILENO) != 0 }

    /// The width of the terminal (80 when unknown).
    /// The width of text reports: `COLUMNS` when set, else the terminal's, else 100 (a file or a pipe).
    static func reportWidth(toTerminal: Bool) -> Int {
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return toTerminal ? width : 100
    }

    static var width: Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        if let columns = ProcessEnvironment.value("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return 80
    }

    /// Colour on a terminal, unless `NO_COLOR` is set.
    static var color: Bool {
        isStandardOutput && (ProcessEnvironment.value("NO_COLOR") ?? "").isEmpty
    }

    /// Columns padded to their display width (CJK and combining marks count right).
    static func align(_ rows: [[String]], separator: String = "  ") -> String {
        let widths = rows.reduce(into: [Int]()) { widths, row in
            for (i, cell) in row.enumerated() {
                if i >= widths.count { widths.append(0) }
                widths[i] = max(widths[i], displayWidth(cell))
            }
        }
        return rows.map { row in
            row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - displayWidth(cell))
            }.joined(separator: separator).replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n")
    }

    /// Terminal columns: combining marks take none, East Asian wide characters two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .format, .control: return width
            default: break
            }
            let v = scalar.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1F64F).contains(v) || (0x1F900...0x1F9FF).contains(v)
                || (0x20000...0x3FFFD).contains(v)
            return width + (wide ? 2 : 1)
        }
    }
}

// MARK: - list

extension Dossier {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the plugins on the search path.",
            discussion: """
            Plugins are NAME.lua files in the bundled Plugins/ folder, then in each --plugins folder, then in \
            each folder of $DOSSIER_PLUGINS (a ':'-separated list); the first file of a name wins. On a \
            terminal the columns are aligned under a header; otherwise each line is NAME, VERSION, TITLE and \
            CATEGORIES separated by tabs. Select with names, globs ('visit-*') or categories ('category:visits').
            """)

        @Argument(help: ArgumentHelp("Names, globs or category:NAME (default: every plugin).", valueName: "selector"))
        var selectors: [String] = []

        @OptionGroup var pluginPath: PluginPathOptions

        func run() throws {
            LuaBackstop.enable()
            let host = try pluginPath.host()
            let files = pluginPath.select(selectors, from: host)
            var rows: [[String]] = []
            for file in files {
                let inspection = host.inspect(file)
                switch inspection.kind {
                case .plugin(let manifest)?:
                    rows.append([file.name, manifest.version, manifest.title, manifest.categories.joined(separator: ", ")])
                case .script?:
                    rows.append([file.name, "-", "(a plain script)", ""])
                case nil:
                    rows.append([file.name, "?", "(invalid: see 'dossier check \(file.name)')", ""])
                }
            }
            guard !rows.isEmpty else {
                standardError("no plugins found: looked in \(host.searchPath.directories.map { $0.url.path }.joined(separator: ", "))")
                throw ExitCode(ExitStatus.failure)
            }
            if Terminal.isStandardOutput {
                print(Terminal.align([["NAME", "VERSION", "TITLE", "CATEGORIES"]] + rows))
            } else {
                for row in rows { print(row.joined(separator: "\t")) }
            }
        }
    }
}

// MARK: - info

extension Dossier {
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Show a plugin's manifest, parameters and file (with no name: what the workspace resolves to, as 'dossier status').")

        @Argument(help: ArgumentHelp("A plugin name or a path to a .lua file.", valueName: "name"))
        var plugin: String?

        @OptionGroup var pluginPath: PluginPathOptions

        func run() throws {
            LuaBackstop.enable()
            guard let plugin else {
                return try Status.parse(pluginPath.directories.flatMap { ["--plugins", $0] }).run()
            }
            let host = try pluginPath.host()
            let file: PluginFile
            do { file = try host.resolve(plugin) } catch { pluginFailure(error) }
            let inspection = host.inspect(file)
            var lines: [String] = []
            let origin = file.origin == .bundled ? "bundled" : file.origin == .option ? "--plugins"
                : file.origin == .environment ? "DOSSIER_PLUGINS" : "given by path"
            switch inspection.kind {
            case .plugin(let manifest)?:
                lines.append("\(manifest.name) \(manifest.version): \(manifest.title)")
                if let description = manifest.description { lines.append(""); lines.append(description) }
                lines.append("")
                var fields = [["kind:", "plugin (its file returns a manifest with run)"], ["file:", "\(file.displayPath) (\(origin))"]]
                if let author = manifest.author { fields.append(["author:", author]) }
                fields.append(["categories:", manifest.categories.isEmpty ? "none" : manifest.categories.joined(separator: ", ")])
                for hidden in host.catalog.filesShadowed(by: file) { fields.append(["shadows:", hidden.displayPath]) }
                lines.append(Terminal.align(fields))
                lines.append("")
                if manifest.params.isEmpty {
                    lines.append("Parameters: none")
                } else {
                    lines.append("Parameters (--param NAME=VALUE):")
                    for spec in manifest.params {
                        var head = "  \(spec.name) (\(spec.type))"
                        head += spec.defaultText.map { "  default: \($0)" } ?? "  no default"
                        lines.append(head)
                        if let choices = spec.choices { lines.append("      one of: \(choices.joined(separator: ", "))") }
                        if let description = spec.description { lines.append("      \(description)") }
                        if [.boolean, .date, .country, .person].contains(spec.type) {
                            lines.append("      expects \(spec.type.expectation)")
                        }
                    }
                }
                print(lines.joined(separator: "\n"))
            case .script?:
                print("\(file.name): a plain script (no manifest); it runs with corpus, report and params as globals.")
                print("file: \(file.displayPath) (\(origin))")
            case nil:
                for problem in inspection.problems { standardError(problem) }
                throw ExitCode(ExitStatus.failure)
            }
        }
    }
}

// MARK: - run

extension Dossier {
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "Run a plugin or a Lua script over the corpus, and render its report.",
            discussion: """
            Parameters are checked against the plugin's declarations before it runs: an unknown name or a \
            value of the wrong type is refused (exit status 64), with a hint. The report records the plugin, \
            its version, the parameters, the corpus hash and the Dossier version. With --out, a new or regular \
            file is written whole or not at all (a temporary file renamed over it); a device, a FIFO or a \
            symlink's target is written in place; a folder is refused. The format defaults from the --out \
            extension (.txt, .md, .csv, .json, .html).
            """)

        @Argument(help: ArgumentHelp("A plugin name (see 'dossier list') or a path to a .lua file.", valueName: "name-or-file"))
        var plugin: String

        @Option(name: .customLong("param"),
                help: ArgumentHelp("A plugin parameter; repeat for several (see 'dossier info NAME').", valueName: "key=value"),
                transform: ParamAssignment.parse)
        var params: [ParamAssignment] = []

        @Option(help: ArgumentHelp("text, md, csv, json or html (default: from the --out extension, else text).", valueName: "format"))
        var format: ReportFormat?

        @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
        var out: String?

        @OptionGroup var csv: CSVOptions

        @OptionGroup var corpusOptions: CorpusOptions
        @OptionGroup var pluginPath: PluginPathOptions
        @OptionGroup var lua: LuaRunOptions

        func validate() throws {
            var seen = Set<String>()
            for param in params where !seen.insert(param.key).inserted {
                throw ValidationError("--param \(param.key) is given twice")
            }
            try ParamAssignment.checkLengths(params)
            if effectiveFormat != .csv, csv.table != nil || csv.excel || csv.separator != "," {
                throw ValidationError("--table, --excel and --separator apply to CSV (--format csv or --out FILE.csv)")
            }
        }

        /// The format: --format, else from the --out extension, else text.
        var effectiveFormat: ReportFormat {
            if let format { return format }
            guard let out else { return .text }
            switch URL(fileURLWithPath: out).pathExtension.lowercased() {
            case "md", "markdown": return .md
            case "csv": return .csv
            case "json": return .json
            case "html", "htm": return .html
            default: return .text
            }
        }

        func run() throws {
            LuaState.installInterruptHandler { Foundation.exit(ExitStatus.interrupted) }
            LuaBackstop.enable()
            let host = try pluginPath.host(lua: lua)
            let file: PluginFile
            do { file = try host.resolve(plugin) } catch { pluginFailure(error) }
            let corpus = try corpusOptions.sharedCorpus()
            // The process ends after this command: the model is left to the exit, not freed entity by entity.
            defer { ProcessExit.keepUntilExit(corpus) }
            let result: PluginRun
            do {
                result = try host.run(file, corpus: corpus,
                                      params: Dictionary(uniqueKeysWithValues: params.map { ($0.key, $0.value) }))
            } catch {
                pluginFailure(error)
            }
            let toTerminal = out == nil && Terminal.isStandardOutput
            var options = RenderOptions(width: Terminal.reportWidth(toTerminal: toTerminal), color: toTerminal && Terminal.color)
            if effectiveFormat == .csv, try csv.write(result.report, out: out, options: &options) { return }
            let text = render(result.report, as: effectiveFormat, options: options)
            if let out {
                do { try OutputFile.write(Data(text.utf8), to: out) } catch {
                    standardError(error.description)
                    throw ExitCode(ExitStatus.failure)
                }
            } else {
                fflush(nil)  // what the plugin printed comes first
                StandardOutput.write(text)
            }
        }
    }
}

// MARK: - check

extension Dossier {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Validate plugin manifests and parameter declarations.",
            discussion: """
            Loads each selected plugin (every plugin by default) without building the corpus and prints each \
            problem as 'file: message'. The exit status is 1 when there is any problem.
            """)

        @Argument(help: ArgumentHelp("Names, globs, category:NAME or .lua paths (default: every plugin).", valueName: "selector"))
        var selectors: [String] = []

        @OptionGroup var pluginPath: PluginPathOptions

        func run() throws {
            LuaBackstop.enable()
            let host = try pluginPath.host()
            let files = pluginPath.select(selectors, from: host)
            var problems = 0
            for file in files {
                for problem in host.check(file) {
                    print(problem)
                    problems += 1
                }
            }
            for (file, winner) in host.catalog.shadowed where files.contains(winner) {
                standardError("\(file.displayPath): warning: not used: shadowed by \(winner.displayPath)")
            }
            let plural = files.count == 1 ? "" : "s"
            standardError("\(files.count) plugin\(plural) checked, \(problems == 0 ? "no" : String(problems)) problem\(problems == 1 ? "" : "s")")
            if problems > 0 { throw ExitCode(ExitStatus.failure) }
        }
    }
}

// MARK: - new

extension Dossier {
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a new plugin, and its test, to start from.",
            discussion: """
            Writes DIR/NAME.lua, a working plugin (visits per year as a table and a bar chart, with two \
            parameters), and DIR/tests/NAME.expected.md, its test, to be filled with \
            'dossier test NAME --plugins DIR --update'. Existing files are never overwritten.
            """)

        @Argument(help: ArgumentHelp("The plugin's name: lower-case letters, digits, '-' and '_'.", valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("The folder to write to.", valueName: "dir"))
        var dir: String = "."

        func run() throws {
            let directory = URL(fileURLWithPath: dir, isDirectory: true)
            let author = ProcessEnvironment.value("USER").flatMap { $0.isEmpty ? nil : $0 }
            let written: (plugin: URL, expected: URL)
            do {
                written = try PluginSkeleton.write(name: name, into: directory, author: author)
            } catch {
                pluginFailure(error)
            }
            let standard = PluginSearchPath(bundled: try DossierPaths.bundledPlugins())
            let pluginsOption = standard.directories
                .contains { $0.url.path == directory.standardizedFileURL.path } ? "" : " --plugins \(dir)"
            if let existing = PluginCatalog(searchPath: standard).plugin(named: name), existing.url != written.plugin.standardizedFileURL {
                standardError("warning: \(existing.displayPath) comes earlier on the search path and shadows the new plugin; choose another name")
            }
            print("""
            wrote \(PluginFile(url: written.plugin, origin: .path).displayPath)
            wrote \(PluginFile(url: written.expected, origin: .path).displayPath)
            next:
              dossier run \(name)\(pluginsOption)
              dossier test \(name)\(pluginsOption) --update   # record its output, then read it
              dossier test \(name)\(pluginsOption)
            """)
        }
    }
}

// MARK: - test

extension Dossier {
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "test",
            abstract: "Run plugin tests: each plugin's output compared with its expected Markdown.",
            discussion: """
            For plugin DIR/NAME.lua, the test runs it on the fixture corpus DIR/tests/corpus (with \
            DIR/tests/gazetteer when present; the bundled corpus and gazetteer otherwise), with its defaults \
            and the key=value lines of DIR/tests/NAME.params when that file exists, and with today fixed at \
            2026-01-01 unless DOSSIER_TODAY is set, and compares \
            the Markdown of its report (without provenance) with DIR/tests/NAME.expected.md, showing a unified \
            diff. Without names, plugins that have no expected file are skipped. --update rewrites the \
            expected files instead. The last line is 'N passed, N failed'; the exit status is 1 when any \
            test failed.
            """)

        @Argument(help: ArgumentHelp("Names, globs or category:NAME (default: every plugin with a test).", valueName: "selector"))
        var selectors: [String] = []

        @Flag(help: "Write each plugin's output as its expected result.")
        var update = false

        @OptionGroup var pluginPath: PluginPathOptions
        @OptionGroup var lua: LuaRunOptions

        func run() throws {
            LuaState.installInterruptHandler { Foundation.exit(ExitStatus.interrupted) }
            LuaBackstop.enable()
            let host = try pluginPath.host(lua: lua)
            host.options.output = { _ in }
            var files = pluginPath.select(selectors, from: host)
            var skipped = 0
            if selectors.isEmpty {
                let all = files.count
                files = files.filter { FileManager.default.fileExists(atPath: PluginTestRunner.expectedFile(for: $0).path) }
                skipped = all - files.count
            }
            let home = try DossierPaths.home()
            let runner = PluginTestRunner(host: host,
                                          defaultCorpus: try home.require(home.sampleCorpus, "the sample corpus"),
                                          defaultGazetteer: [try home.require(home.gazetteer, "the gazetteer")])
            var passed = 0, failed = 0
            _ = runner.run(files, update: update) { result in
                let expected = PluginFile(url: result.expected, origin: .path).displayPath
                switch result.status {
                case .passed:
                    passed += 1
                    print("PASS  \(result.file.name)")
                case .updated:
                    passed += 1
                    print("WROTE \(result.file.name) -> \(expected)")
                case .failed(let diff):
                    failed += 1
                    print("FAIL  \(result.file.name)")
                    print(diff.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }
                        .joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines.subtracting(.whitespaces)))
                case .missingExpected:
                    failed += 1
                    print("FAIL  \(result.file.name): no expected output in \(expected) (record it with 'dossier test \(result.file.name) --update')")
                case .error(let message):
                    failed += 1
                    print("ERROR \(result.file.name)")
                    print(message.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n"))
                }
            }
            if skipped > 0 { print("(\(skipped) plugin\(skipped == 1 ? "" : "s") without tests/NAME.expected.md skipped)") }
            print("\(passed) passed, \(failed) failed")
            if failed > 0 { throw ExitCode(ExitStatus.failure) }
        }
    }
}

// MARK: - stubs, docs

extension Dossier {
    struct Stubs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stubs",
            abstract: "Print the LuaLS '---@meta' stub file of the Dossier Lua API, for editors.")

        func run() throws { StandardOutput.write(DossierAPI.stubs()) }
    }
}

extension Dossier {
    struct Docs: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "docs",
            abstract: "Print the Lua API reference in Markdown (docs/lua-api.md).")

        func run() throws {
            let toolkit = try? String(contentsOf: DossierPaths.bundledPlugins().appendingPathComponent("lib/dossier_data.lua"), encoding: .utf8)
            StandardOutput.write(DossierAPI.markdown(toolkit: toolkit))
        }
    }
}
