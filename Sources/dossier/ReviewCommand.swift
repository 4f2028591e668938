// `dossier review`: the review page (docs/corrections.md, "The review page").
import ArgumentParser
import CorpusModel
import Foundation
import Reports
import ScriptingAPI

extension Dossier {
    struct Review: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "review",
            abstract: "Write an HTML page of the visits worth checking, with controls that build a corrections file.",
            discussion: """
            Lists the visits whose confidence is below --min-confidence, that only one article reports, whose \
            reports give conflicting dates or statuses, or whose visitor is not in the gazetteer; each with why, its \
            fields, its id and its sentences. Accept, reject and edit build a corrections.yaml on the page, to copy or \
            download and give back with --corrections FILE. One self-contained file: nothing is fetched.
            """)

        @Option(help: ArgumentHelp("List the visits less sure than this (0 to 1).", valueName: "x"))
        var minConfidence: Double = ReviewSelection.defaultMinimumConfidence

        @Option(help: ArgumentHelp("Write the page to this file (default: standard output).", valueName: "file"))
        var out: String?

        @OptionGroup var options: CorpusOptions

        func validate() throws {
            guard minConfidence.isFinite, (0...1).contains(minConfidence) else {
                throw ValidationError("--min-confidence \(minConfidence): expected a number from 0 to 1")
            }
        }

        func run() throws {
            let corpus = try options.build()
            let selection = ReviewSelection(minimumConfidence: minConfidence)
            let candidates = selection.candidates(in: corpus)
            let rows = ReviewRows(corpus: corpus, minimumConfidence: minConfidence).rows(candidates)
            let summary = "\(rows.count) of \(corpus.visits.count) visits to check: confidence below "
                + String(format: "%.2f", minConfidence)
                + ", one source only, reports that disagree on the date or the status, or a visitor not in the gazetteer."
            let page = ReviewPage(summary: summary, rows: rows, kinds: VisitKind.allCases.map(\.rawValue),
                                  statuses: VisitStatus.allCases.map(\.rawValue))
            let html = page.render()
            guard let out else { return StandardOutput.write(html) }
            do { try OutputFile.write(Data(html.utf8), to: out) } catch {
                standardError(error.description)
                throw ExitCode(ExitStatus.failure)
            }
        }
    }
}
