// `dossier export` and `dossier evaluate`: the corpus model on the command line.
import ArgumentParser
import CorpusModel
import ScriptingAPI
import Foundation
import ScriptingAPI

extension ExportTable: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

/// Options shared by the corpus commands.
struct CorpusOptions: ParsableArguments {
    @Option(help: "A folder of .txt/.md articles, with an optional manifest.yaml.")
    var corpus: String = "Data/corpus"

    @Option(help: "A gazetteer folder (FORMAT.md); repeat to add folders, later ones adding persons, offices and aliases.")
    var gazetteer: [String] = []

    @Option(help: "A lexicon folder (Data/lexicon/FORMAT.md): the word sets the rules use (default: the bundled Data/lexicon).")
    var lexicon: String?

    @Option(help: "Worker threads (default: the number of cores).")
    var jobs: Int?

    @Flag(help: "Do not print diagnostics.")
    var quiet = false

    @Option(help: "The visit scorer's weights (default: Data/model/visit-scorer.tsv when it exists; 'none': no scorer).")
    var scorer: String?

    static let maximumJobs = 1024

    func validate() throws {
        if let jobs, !(1...Self.maximumJobs).contains(jobs) {
            throw ValidationError("--jobs \(jobs): expected a number of threads from 1 to \(Self.maximumJobs).")
        }
    }

    /// Loads the gazetteer and builds the model, printing diagnostics to standard error.
    func build() throws -> Corpus {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: corpus, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("corpus directory not found: \(corpus) (give one with --corpus DIR)")
        }
        let dirs = (gazetteer.isEmpty ? ["Data/gazetteer"] : gazetteer).map { URL(fileURLWithPath: $0) }
        let (g, gd) = Gazetteer.load(directories: dirs)
        if g.entities.isEmpty {
            for d in gd { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            throw ValidationError("no gazetteer entities loaded from \(dirs.map(\.path).joined(separator: ", ")) (give one with --gazetteer DIR)")
        }
        var builder = CorpusBuilder(gazetteer: g, lexicon: try loadLexicon())
        if let jobs { builder.jobs = max(1, jobs) }
        builder.scorer = try loadScorer()
        let (corpus, cd) = builder.build(directory: URL(fileURLWithPath: self.corpus))
        if !quiet {
            for d in gd + cd { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        }
        return corpus
    }

    /// The scorer named by --scorer, or the default one when its file exists.
    func loadScorer() throws -> VisitScorer? {
        let path = scorer ?? "Data/model/visit-scorer.tsv"
        if scorer == "none" || (scorer == nil && !FileManager.default.fileExists(atPath: path)) { return nil }
        do { return try VisitScorer.load(path: path, hint: Suggestion.hint) } catch { throw ValidationError(error.description) }
    }

    /// The lexicon of `--lexicon`, or the bundled one; a lexicon with a mistake is refused, its problems listed.
    func loadLexicon() throws -> Lexicon {
        let directory = lexicon.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? Lexicon.bundledDirectory
        let (loaded, problems) = lexicon == nil ? Lexicon.bundledWithDiagnostics
            : Lexicon.load(directory: directory) { Suggestion.closest(to: $0, among: $1) }
        for d in problems { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
        if problems.contains(where: { $0.severity == .error }) {
            throw ValidationError("the lexicon in \(directory.path) has mistakes (listed above); fix them or give another with --lexicon DIR")
        }
        return loaded
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export the corpus model.",
        discussion: "Visits, events, documents or entities as JSON (an array), JSON Lines or CSV (RFC 4180).")

    @Argument(help: "What to export: visits, events, documents or entities.")
    var table: ExportTable

    @Option(help: "json, jsonl or csv.")
    var format: ExportFormat = .json

    @OptionGroup var options: CorpusOptions

    func run() throws {
        let corpus = try options.build()
        let out = try Exporter.render(table, of: corpus, format: format)
        StandardOutput.write(out)
    }
}

struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate extracted visits against a gold file.",
        discussion: "Precision, recall and F1 of visits, matched on visitor, destination and year (and month where both give it); misses, extras and wrong kind, level or status listed.")

    @Option(help: "The gold file (JSON).")
    var gold: String = "Data/annotations/visits.gold.json"

    @Option(help: "Score --corpus batch by batch, as this file<TAB>batch list gives them (Data/unseen/batches.tsv).")
    var batches: String?
    @Flag(help: "Precision and recall per rule id instead of the visit lists.")
    var byRule = false

    @OptionGroup var options: CorpusOptions

    func run() throws {
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
