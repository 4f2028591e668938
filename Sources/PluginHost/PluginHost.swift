// The plugin host: finds plugins on the search path, reads their manifests, checks parameters, and runs
// each plugin in a fresh sandboxed Lua state with the Dossier API installed, under time and memory limits.

import CorpusModel
import Foundation
import LuaBridge
import Reports
import ScriptingAPI

/// An error of the plugin host. Its description is what the user sees: it names the plugin file (and,
/// for a Lua error, the line, followed by Lua's traceback).
public struct PluginError: Error, CustomStringConvertible, @unchecked Sendable {
    public enum Kind: Sendable, Equatable {
        /// No plugin matches the name, pattern or path.
        case notFound
        /// The manifest (the returned table) is invalid.
        case manifest
        /// A `--param` is unknown or does not fit its declaration.
        case params
        /// The Lua code failed: syntax, runtime error, time or memory limit, interruption.
        case lua
        /// A file could not be read or written.
        case io
    }

    public var kind: Kind
    public var message: String
    /// The Lua error, for `.lua`.
    public var luaError: LuaError?
    /// Every manifest problem, for `.manifest`.
    public var problems: [ManifestProblem]

    public init(_ kind: Kind, _ message: String, problems: [ManifestProblem] = []) {
        self.kind = kind
        self.message = message
        self.problems = problems
    }

    public init(_ error: LuaError) {
        kind = .lua
        message = error.message
        luaError = error
        problems = []
    }

    public var description: String { luaError?.description ?? message }
}

/// How plugins run.
public struct PluginHostOptions {
    /// `.sandbox` for plugins; `.trusted` only for the user's own scripts (`--unsafe`).
    public var profile: LuaProfile
    public var limits: LuaLimits
    /// Receives each line `print` writes; `nil` writes to standard output.
    public var output: ((String) -> Void)?
    /// The Dossier version recorded in each report's provenance.
    public var dossierVersion: String

    public init(profile: LuaProfile = .sandbox, limits: LuaLimits = LuaLimits(),
                output: ((String) -> Void)? = nil, dossierVersion: String = "0.1.0") {
        self.profile = profile
        self.limits = limits
        self.output = output
        self.dossierVersion = dossierVersion
    }
}

/// What a plugin file is, read without a corpus (for `list`, `info`, `check` and selection by category).
public enum PluginKind {
    /// A plugin: its file returned a table with `run`.
    case plugin(PluginManifest)
    /// A plain script: it ran at once, with `corpus`, `report` and `params` as globals.
    case script
}

/// A plugin file inspected: its manifest, or the problems that keep it from having one.
public struct PluginInspection {
    public var file: PluginFile
    /// `nil` when the file failed to load or its manifest is invalid (see `problems`).
    public var kind: PluginKind?
    /// Manifest problems (`file: message`) or the load error (`file:line: message`).
    public var problems: [String]

    public var manifest: PluginManifest? {
        if case .plugin(let manifest)? = kind { return manifest }
        return nil
    }

    public var isScript: Bool {
        if case .script? = kind { return true }
        return false
    }

    /// The categories (none for a script or an invalid plugin).
    public var categories: [String] { manifest?.categories ?? [] }
}

/// The result of a run.
public struct PluginRun {
    public var file: PluginFile
    /// The manifest, for a plugin; `nil` for a plain script.
    public var manifest: PluginManifest?
    /// The parameters it ran with, defaults applied.
    public var params: [String: ParamValue]
    /// The report, provenance included.
    public var report: Report
}

/// Finds, inspects, checks and runs plugins.
public final class PluginHost {
    public let searchPath: PluginSearchPath
    public var options: PluginHostOptions
    /// The plugins on the search path (listed once, on first use).
    public private(set) lazy var catalog = PluginCatalog(searchPath: searchPath)
    private var inspections: [PluginFile: PluginInspection] = [:]
    /// The time a file may take to return its manifest when inspected.
    static let inspectionSeconds = 5.0
    /// An empty corpus, for reading manifests without building the real one.
    private lazy var emptyCorpus = SharedCorpus(Corpus(entities: []))

    public init(searchPath: PluginSearchPath, options: PluginHostOptions = PluginHostOptions()) {
        self.searchPath = searchPath
        self.options = options
    }

    // MARK: Selection

    /// The plugin a command-line argument names: a path to a `.lua` file (anything with a `/` or ending
    /// in `.lua`), or the name of a plugin on the search path.
    public func resolve(_ nameOrPath: String) throws(PluginError) -> PluginFile {
        if nameOrPath.hasSuffix(".lua") || nameOrPath.contains("/") {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: nameOrPath, isDirectory: &isDirectory), !isDirectory.boolValue else {
                throw PluginError(.notFound, "\(nameOrPath): no such file")
            }
            let url = URL(fileURLWithPath: nameOrPath).standardizedFileURL
            // A file of the search path keeps its origin.
            if let known = catalog.plugins.first(where: { $0.url.path == url.path }) { return known }
            return PluginFile(url: url, origin: .path)
        }
        // The file the catalog would choose, found without listing every folder of the search path.
        if let file = PluginCatalog.plugin(named: nameOrPath, in: searchPath) { return file }
        if let file = catalog.plugin(named: nameOrPath) { return file }
        throw notFound(nameOrPath)
    }

    /// The plugins selected by names, globs (`visit-*`) and categories (`category:visits`), in catalog
    /// order, each once; every plugin when `selectors` is empty. A selector that matches nothing is an
    /// error, with a "did you mean" hint for a name.
    public func select(_ selectors: [String]) throws(PluginError) -> [PluginFile] {
        guard !selectors.isEmpty else { return catalog.plugins }
        var chosen = Set<PluginFile>()
        var extra: [PluginFile] = []
        for text in selectors {
            if text.hasSuffix(".lua") || text.contains("/") {
                let file = try resolve(text)
                if !chosen.contains(file) && !catalog.plugins.contains(file) { extra.append(file) }
                chosen.insert(file)
                continue
            }
            let selector = PluginSelector(text)
            var matched = false
            for file in catalog.plugins {
                let categories: [String]
                if case .category = selector { categories = inspect(file).categories } else { categories = [] }
                if selector.matches(name: file.name, categories: categories) {
                    chosen.insert(file)
                    matched = true
                }
            }
            if !matched {
                switch selector {
                case .name(let name): throw notFound(name)
                case .glob(let pattern): throw PluginError(.notFound, "no plugin matches '\(pattern)'")
                case .category(let category):
                    let known = Set(catalog.plugins.flatMap { inspect($0).categories }).sorted()
                    throw PluginError(.notFound, "no plugin is in category '\(category)'\(Suggestion.hint(for: category, among: known))" + (known.isEmpty ? "" : "; categories: \(known.joined(separator: ", "))"))
                }
            }
        }
        return catalog.plugins.filter { chosen.contains($0) } + extra
    }

    private func notFound(_ name: String) -> PluginError {
        let folders = searchPath.directories.map { PluginFile.displayPath($0.url.path) }.joined(separator: ", ")
        return PluginError(.notFound, "no plugin named '\(name)'\(Suggestion.hint(for: name, among: catalog.plugins.map(\.name))) on the search path (\(folders.isEmpty ? "empty" : folders))")
    }

    // MARK: Inspection

    /// Loads `file` against an empty corpus, with its output discarded, to read its manifest. Cached.
    public func inspect(_ file: PluginFile) -> PluginInspection {
        if let known = inspections[file] { return known }
        var inspection = PluginInspection(file: file, kind: nil, problems: [])
        do {
            // Reading a manifest takes little; a plain script that loops must not hold up `list`.
            var limits = options.limits
            limits.timeSeconds = min(limits.timeSeconds ?? Self.inspectionSeconds, Self.inspectionSeconds)
            let loaded = try load(file, corpus: emptyCorpus, rawParams: [:], output: { _ in }, limits: limits)
            switch loaded.outcome {
            case .script: inspection.kind = .script
            case .plugin(let manifest, _): inspection.kind = .plugin(manifest)
            }
        } catch {
            inspection.problems = error.problems.isEmpty ? [error.message] : error.problems.map(\.description)
        }
        inspections[file] = inspection
        return inspection
    }

    /// Every problem of `file`: load errors, manifest problems, and the declared parameters' defaults and
    /// choices (types; countries and persons are resolved when `corpus` is given).
    public func check(_ file: PluginFile, corpus: Corpus? = nil) -> [String] {
        let inspection = inspect(file)
        var problems = inspection.problems
        if let manifest = inspection.manifest, let corpus {
            let resolver = ParamResolver(corpus: corpus)
            for spec in manifest.params where spec.type.isEntity {
                for text in (spec.choices ?? []) + (spec.defaultText.map { [$0] } ?? []) {
                    do { _ = try resolver.resolve(text, for: ParamSpec(name: spec.name, type: spec.type)) } catch {
                        problems.append("\(file.displayPath): params.\(spec.name): '\(text)': \(error.reason)")
                    }
                }
            }
        }
        return problems
    }

    // MARK: Running

    /// Runs `file` over `corpus` with `params` (`--param` values as text): a fresh state, the API
    /// installed, the file loaded; a plugin's manifest and parameters are checked before its `run(ctx)`
    /// is called. The report's provenance records the plugin, its version, the parameters, the corpus
    /// hash and the Dossier version.
    public func run(_ file: PluginFile, corpus: SharedCorpus, params: [String: String] = [:],
                    generatedAt: Date = Date()) throws(PluginError) -> PluginRun {
        let loaded = try load(file, corpus: corpus, rawParams: params, output: options.output)
        var manifest: PluginManifest?
        var values: [String: ParamValue] = [:]
        var version = "(script)"
        switch loaded.outcome {
        case .script:
            values = params.mapValues { ParamValue.string($0) }
        case .plugin(let plugin, let runFunction):
            guard plugin.kind == .report else {
                throw PluginError(.manifest, "\(file.displayPath): '\(plugin.name)' is an extractor: it runs while the model is built (select it with --extractors \(plugin.name)), not as a report")
            }
            manifest = plugin
            version = plugin.version
            values = try ParamResolver(corpus: corpus.corpus).resolve(params, for: plugin, file: file)
            do {
                try loaded.state.asOneRun { () throws in
                    var table: [String: LuaValue] = [:]
                    for (key, value) in values { table[key] = try value.luaValue(in: loaded.state) }
                    let paramsTable = loaded.state.value(table)
                    try loaded.environment.set("params", paramsTable)
                    try loaded.collector.builder.setTitle(plugin.title)
                    let ctx = loaded.state.value([
                        "corpus": try loaded.environment.get("corpus"),
                        "report": try loaded.environment.get("report"),
                        "params": paramsTable,
                    ] as [String: LuaValue])
                    try runFunction.call(ctx)
                }
            } catch let error as LuaError {
                throw PluginError(error)
            } catch {
                throw PluginError(.lua, "\(file.displayPath): \(error)")
            }
        }
        var provenance = Provenance(plugin: manifest?.name ?? file.name, pluginVersion: version,
                                    params: values.mapValues(\.description), corpusHash: corpus.hash,
                                    dossierVersion: options.dossierVersion, generatedAt: generatedAt)
        let corrections = corpus.corpus.corrections.applied
        if corrections > 0 { provenance.correctionsApplied = corrections }
        loaded.collector.builder.setProvenance(provenance)
        let report = loaded.collector.report
        loaded.state.close()
        return PluginRun(file: file, manifest: manifest, params: values, report: report)
    }

    struct Loaded {
        enum Outcome {
            case script
            case plugin(PluginManifest, LuaFunction)
        }
        let state: LuaState
        let environment: LuaTable
        let collector: ReportCollector
        let outcome: Outcome
    }

    /// A fresh state, the API installed in a fresh environment, the file run. A plain script has done
    /// its work when this returns; a plugin has returned its table, read and checked here.
    private func load(_ file: PluginFile, corpus: SharedCorpus, rawParams: [String: String],
                      output: ((String) -> Void)?, limits: LuaLimits? = nil) throws(PluginError) -> Loaded {
        guard FileManager.default.isReadableFile(atPath: file.url.path) else {
            throw PluginError(.io, "\(file.displayPath): cannot read the file")
        }
        let extra = searchPath.directories.contains { $0.url.path == file.directory.standardizedFileURL.path }
            ? [] : [file.directory]
        let luaOptions = LuaOptions(profile: options.profile, limits: limits ?? options.limits,
                                    modulePath: searchPath.modulePath(adding: extra), output: output)
        do {
            let state = try LuaState(options: luaOptions)
            // One deadline for everything the plugin's code does: its chunk, the manifest reads (an
            // `__index` may run), `run`, and the conversions of its report data.
            state.limitWholeSession()
            return try state.asOneRun { () throws -> Loaded in try install(file, state: state, corpus: corpus, rawParams: rawParams) }
        } catch let error as PluginError {
            throw error
        } catch let error as LuaError {
            throw PluginError(error)
        } catch {
            throw PluginError(.lua, "\(file.displayPath): \(error)")
        }
    }

    /// The API installed in a fresh environment of `state`, the file run, its manifest read (as one run of the state).
    private func install(_ file: PluginFile, state: LuaState, corpus: SharedCorpus, rawParams: [String: String]) throws -> Loaded {
        let environment = try state.makeEnvironment()
        let collector = ReportCollector(title: file.name)
        try DossierAPI.install(into: environment, state: state, corpus: corpus, report: collector)
        try environment.set("params", state.value(rawParams))
        let results = try state.load(file: file.url.path, environment: environment).call()
        // A plain script never returns a table; one that looks like a plugin without its `return` is refused.
        guard case .table(let table)? = results.first else {
            if let problem = ManifestProblem.missingReturn(in: file) { throw PluginError(.manifest, problem.description, problems: [problem]) }
            return Loaded(state: state, environment: environment, collector: collector, outcome: .script)
        }
        var reader = ManifestReader(state: state, file: file)
        let manifest = reader.read(table)
        guard let manifest, reader.problems.isEmpty, case .function(let run) = try table.get(manifest.kind.entryPoint) else {
            let problems = reader.problems
            throw PluginError(.manifest, problems.map(\.description).joined(separator: "\n"), problems: problems)
        }
        return Loaded(state: state, environment: environment, collector: collector,
                      outcome: .plugin(manifest, run))
    }
}
