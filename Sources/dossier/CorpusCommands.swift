// `dossier export` and `dossier evaluate`: the corpus model on the command line.
import ArgumentParser
import CorpusModel
import Corrections
import Foundation
import ScriptingAPI
import ModelCache
import PluginHost
import SQLiteExport

extension ExportTable: ExpressibleByArgument {}

/// Options shared by the corpus commands. Each defaults to the workspace's dossier.yaml, else to the bundled data.
struct CorpusOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A folder of .txt/.md articles, with an optional manifest.yaml; repeat for several (default: the workspace's, else the sample corpus).",
                               valueName: "dir"))
    var corpus: [String] = []

    @Option(help: ArgumentHelp("A gazetteer overlay (docs/overlays.md): persons, offices, cities and aliases added to the bundled gazetteer; repeat for several, later ones winning.",
                               valueName: "dir"))
    var gazetteer: [String] = []

    @Flag(help: "Read no bundled (or workspace) gazetteer: the first --gazetteer folder is the whole gazetteer.")
    var noBundledGazetteer = false

    @Option(help: ArgumentHelp("A lexicon overlay (docs/overlays.md): words and rules added to the bundled lexicon; repeat for several, later ones winning.",
                               valueName: "dir"))
    var lexicon: [String] = []

    @Flag(help: "Read no bundled lexicon: the first --lexicon folder is the whole lexicon (Data/lexicon/FORMAT.md).")
    var noBundledLexicon = false

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Do not print diagnostics.")
    var quiet = false

    @Option(help: "The visit scorer's weights (default: Data/model/visit-scorer.tsv when it exists; 'none': no scorer).")
    var scorer: String?

    @Option(help: ArgumentHelp("Extractor plugins to run while the model is built (docs/extractors.md): names on the plugin search path or .lua paths, comma-separated or repeated (default: the workspace's 'extractors').",
                               valueName: "names"))
    var extractors: [String] = []

    @Option(help: ArgumentHelp("A corrections file (docs/corrections.md); repeat for several. Added to the workspace's and to each corpus folder's corrections.yaml.",
                               valueName: "file"))
    var corrections: [String] = []

    static let maximumJobs = 1024

    func validate() throws {
        if let jobs, !(1...Self.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs \(jobs): expected a number of threads from 1 to \(Self.maximumJobs).")
        }
    }

    @Option(help: ArgumentHelp("The model cache folder (default: the workspace's, else $XDG_CACHE_HOME/dossier or ~/.cache/dossier).",
                               valueName: "dir"))
    var cache: String?

    @Flag(help: "Build the model without reading or writing the cache ($DOSSIER_NO_CACHE does the same).")
    var noCache = false

    /// The model cache folder, or nil when the cache is off.
    func cacheFolder() throws -> URL? {
        if noCache || ProcessEnvironment.value("DOSSIER_NO_CACHE") != nil { return nil }
        if let cache { return URL(fileURLWithPath: cache, isDirectory: true).standardizedFileURL }
        if let workspace = try DossierPaths.workspace() { return workspace.cacheFolder }
        if let xdg = ProcessEnvironment.value("XDG_CACHE_HOME"), xdg.hasPrefix("/") {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("dossier", isDirectory: true)
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/dossier", isDirectory: true)
    }

    /// The corpus folders: --corpus, else the workspace's, else the bundled sample corpus.
    func corpusFolders() throws -> [URL] {
        try DossierPaths.folders(option: corpus, workspace: \.corpus) {
            let home = try DossierPaths.home()
            return [try home.require(home.sampleCorpus, "the sample corpus")]
        }
    }

    /// Loads the gazetteer and builds the model, printing diagnostics to standard error.
    func build() throws -> Corpus {
        let folders = try corpusFolders()
        for folder in folders {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ValidationError("corpus directory not found: \(folder.path) (give one with --corpus DIR)")
            }
        }
        let dirs = try gazetteerFolders()
        let (g, gd) = Gazetteer.load(directories: dirs)
        try refuseOverlayMistakes(gd)
        if g.entities.isEmpty {
            for d in gd { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ValidationError("no gazetteer entities loaded from \(dirs.map(\.path).joined(separator: ", ")) (give one with --gazetteer DIR)")
        }
        let corpus: Corpus, cd: [Diagnostic]
        if let cache = try modelCache(), let result = try cached(cache, folders: folders, gazetteerFolders: dirs, gazetteer: g) {
            (corpus, cd) = (result.corpus, result.diagnostics)
        } else {
            (corpus, cd) = try builder(gazetteer: g).build(directories: folders)
        }
        let (corrected, corrections) = try applyCorrections(to: corpus, folders: folders)
        if !quiet {
            for d in gd + cd { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        }
        // A correction left out is always reported: the analyst wrote it to be applied.
        for d in corrections { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        return corrected
    }

    /// The corrections files in force: --corrections, the workspace's, and each corpus folder's corrections.yaml.
    func correctionFiles(folders: [URL]) throws -> [URL] {
        let given = corrections.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let workspace = try DossierPaths.workspace().map { $0.corrections.map($0.resolve) } ?? []
        let inFolders = folders.map { $0.appendingPathComponent("corrections.yaml") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
        var seen = Set<String>()
        return (inFolders + workspace + given).filter { seen.insert($0.standardizedFileURL.path).inserted }
    }

    /// The model with the corrections applied; a corrections file with a mistake stops the command.
    func applyCorrections(to corpus: Corpus, folders: [URL]) throws -> (Corpus, [Diagnostic]) {
        let files = try correctionFiles(folders: folders)
        if files.isEmpty { return (corpus, []) }
        do {
            return CorrectionsApplier.apply(try CorrectionSet.load(files: files), to: corpus)
        } catch {
            standardError(error.description)
            throw ValidationError("the corrections file \(error.file) has a mistake (above); fix it or leave it out")
        }
    }

    /// The scorer named by --scorer, or the default one when its file exists.
    func loadScorer() throws -> VisitScorer? {
        let path = try scorer ?? DossierPaths.home().model.appendingPathComponent("visit-scorer.tsv").path
        if scorer == "none" || (scorer == nil && !FileManager.default.fileExists(atPath: path)) { return nil }
        do { return try VisitScorer.load(path: path, hint: Suggestion.hint) } catch { throw ValidationError(error.description) }
    }

    /// The builder over `gazetteer`: the lexicon (a mistake in it stops the command), the scorer, the extractors.
    /// Made only when something is analysed: a model loaded from the cache needs none of them.
    func builder(gazetteer: Gazetteer) throws -> CorpusBuilder {
        var builder = CorpusBuilder(gazetteer: gazetteer, lexicon: try loadLexicon())
        if let jobs { builder.jobs = max(1, jobs) }
        builder.scorer = try loadScorer()
        builder.reviewer = try extractorRunner()
        return builder
    }

    /// An error of `builder(gazetteer:)` met inside the cache: the command's, not the cache folder's.
    private struct BuilderFailure: Error { let underlying: Error }

    /// The model through the cache; nil (after a one-line note) when the cache folder cannot be used. A mistake
    /// in the lexicon (or another input of the builder) is thrown, not taken for a cache problem.
    private func cached(_ cache: ModelCache, folders: [URL], gazetteerFolders: [URL], gazetteer: Gazetteer) throws -> ModelCache.Result? {
        do {
            return try cache.corpus(directories: folders, inputs: try cacheInputs(gazetteer: gazetteerFolders), gazetteer: gazetteer) {
                do { return try builder(gazetteer: gazetteer) } catch { throw BuilderFailure(underlying: error) }
            }
        } catch let failure as BuilderFailure {
            throw failure.underlying
        } catch {
            standardError("dossier: model cache \(cache.folder.path) cannot be used (\(error)); building without it")
            return nil
        }
    }

    /// The model cache, or nil when it is off.
    func modelCache() throws -> ModelCache? {
        // A scorer given on the command line is not part of the cache's key: build without the cache.
        if scorer != nil { return nil }
        return try cacheFolder().map {
            var cache = ModelCache(folder: $0, note: { standardError("dossier: " + $0) }, stopAfterDamage: { Foundation.exit(1) })
            // The command line's process completes a built model's file while the command goes on, and waits for
            // it at exit; a command run in-process (a test) finds the file in place when the build returns.
            cache.savesInBackground = ProcessExit.isCommandLine
            return cache
        }
    }

    /// What the cache is keyed by besides the articles: the gazetteer, the lexicon, the model weights, the
    /// corrections, Dossier's version.
    func cacheInputs(gazetteer: [URL]) throws -> CacheInputs {
        let home = try DossierPaths.home()
        let corrections = try correctionFiles(folders: corpusFolders())
        let lexicon = try lexiconLayers()
        return CacheInputs(gazetteer: gazetteer, lexicon: [lexicon.base] + lexicon.overlays, model: [home.model], corrections: corrections,
                           extractors: try extractorRunner()?.plugins.map(\.file) ?? [], version: DossierVersion.text)
    }

    /// The model built and shared with scripts; its hash counts the extractor plugins it was built with.
    func sharedCorpus() throws -> SharedCorpus {
        SharedCorpus(try build(), extractorDigest: try extractorRunner()?.digest ?? 0)
    }

    /// The extractor names: --extractors (comma-separated, repeatable), else the workspace's.
    func extractorNames() throws -> [String] {
        let given = extractors.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
        if !given.isEmpty { return given }
        guard let workspace = try DossierPaths.workspace() else { return [] }
        return workspace.extractors.map { $0.hasSuffix(".lua") ? workspace.resolve($0).path : $0 }
    }

    /// The extractor plugins selected, loaded once and checked; nil when none is.
    func extractorRunner() throws -> ExtractorRunner? {
        let names = try extractorNames()
        guard !names.isEmpty else { return nil }
        let extra = try DossierPaths.folders(option: [], workspace: \.plugins) { [] }.map(\.path)
        let host = PluginHost(searchPath: PluginSearchPath(bundled: try DossierPaths.bundledPlugins(), extra: extra))
        do { return try ExtractorRunner.select(names, host: host) } catch {
            throw ValidationError("--extractors: \(error.description)")
        }
    }
}

extension CorpusOptions {
    /// The options as the parser leaves them when none is given (`FastCommandLine` starts from them).
    static var defaults: CorpusOptions {
        var options = CorpusOptions()
        options.corpus = []
        options.gazetteer = []
        options.noBundledGazetteer = false
        options.lexicon = []
        options.noBundledLexicon = false
        options.jobs = nil
        options.quiet = false
        options.scorer = nil
        options.extractors = []
        options.corrections = []
        options.cache = nil
        options.noCache = false
        return options
    }
}

extension Dossier {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Export the corpus model.",
            discussion: """
            Visits, events, documents, entities or mentions (one row per report of a visit, with its own status, \
            date and offsets) as JSON (an array), JSON Lines or CSV (RFC 4180), on standard output or into --out. \
            --format sqlite writes the whole model (documents, sentences, entities, offices, visits, events and their \
            mentions) as an SQLite database into --out; docs/sqlite-export.md has the schema.
            """)

        /// The formats: the table formats of `Exporter`, and the whole model as SQLite.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case json, jsonl, csv, sqlite
        }

        @Argument(help: "What to export: visits, events, documents, entities or mentions (not with --format sqlite).")
        var table: ExportTable?

        @Option(help: "json, jsonl, csv or sqlite.")
        var format: Format = .json

        @Option(help: ArgumentHelp("Write to this file (written whole or not at all); required for sqlite.", valueName: "file"))
        var out: String?

        @OptionGroup var options: CorpusOptions

        func validate() throws {
            if format == .sqlite {
                guard out != nil else { throw ValidationError("--format sqlite writes a database file: give it with --out FILE") }
                if let table { throw ValidationError("--format sqlite exports the whole model; drop '\(table.rawValue)'") }
            } else if table == nil {
                throw ValidationError("say what to export: visits, events, documents, entities or mentions (or --format sqlite --out FILE)")
            }
        }

        func run() throws {
            let corpus = try options.build()
            if format == .sqlite, let out {
                do { try SQLiteExporter.write(corpus, to: URL(fileURLWithPath: out)) } catch {
                    standardError("cannot write \(out): \(error)")
                    throw ExitCode(ExitStatus.failure)
                }
                return
            }
            guard let table, let tableFormat = ExportFormat(rawValue: format.rawValue) else { return }
            let text = try Exporter.render(table, of: corpus, format: tableFormat)
            if let out {
                do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
                    standardError("cannot write \(out): \(error.localizedDescription)")
                    throw ExitCode(ExitStatus.failure)
                }
            } else {
                StandardOutput.write(text)
            }
        }
    }
}

extension Dossier {
    struct Evaluate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "evaluate",
            abstract: "Evaluate extracted visits against a gold file.",
            discussion: "Precision, recall and F1 of visits, matched on visitor, destination and year (and month where both give it); misses, extras and wrong kind, level or status listed.")

        @Option(help: "The gold file (JSON; default: the checkout's Data/annotations/visits.gold.json).")
        var gold: String?

        @Option(help: "Score --corpus batch by batch, as this file<TAB>batch list gives them (Data/unseen/batches.tsv).")
        var batches: String?
        @Flag(help: "Precision and recall per rule id instead of the visit lists.")
        var byRule = false

        @OptionGroup var options: CorpusOptions

        func run() throws {
            let gold = try self.gold ?? DossierPaths.home().url.appendingPathComponent("Data/annotations/visits.gold.json").path
            if let batches { return try BatchEvaluation.run(list: batches, gold: gold, options: options) }
            let goldFile: GoldFile
            do { goldFile = try GoldFile.load(path: gold) } catch let error as GoldFileError {
                throw ValidationError(error.description)
            } catch {
                throw ValidationError("cannot read gold file \(gold): \(error)")
            }
            let corpus = try options.build()
            let report = Evaluator.evaluate(corpus, gold: goldFile)
            if byRule {
                print(Evaluator.renderByRule(report), terminator: "")
            } else {
                print(Evaluator.render(report, corpus: corpus), terminator: "")
            }
        }
    }
}
