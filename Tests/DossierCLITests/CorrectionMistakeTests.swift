import Foundation
import Testing

/// Mistakes in what an analyst puts in a corpus folder (its `corrections.yaml` and `dossier/` overlays), met by
/// `dossier run` and `dossier export` with `--out`: the message names the file, line and column, and no report,
/// export or cache entry is written from half of it; a correction that matches nothing is reported even with
/// `--quiet` and the report counts only the corrections applied.
@Suite("mistakes in corrections and overlays, on the command line")
struct CorrectionMistakeTests {
    final class Folder: @unchecked Sendable {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-mistakes-\(UUID().uuidString.prefix(8))")
        var corpus: URL { root.appendingPathComponent("corpus") }
        var out: URL { root.appendingPathComponent("out.md") }
        var cache: URL { root.appendingPathComponent("cache") }
        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/corpus"), to: corpus)
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        func write(_ text: String, _ path: String) throws {
            let url = corpus.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        func run(_ arguments: [String]) throws -> CommandRunner.Result {
            try CommandRunner.run(arguments + ["--corpus", corpus.path, "--cache", cache.path, "--out", out.path],
                                  environment: ["DOSSIER_WORKSPACE": "", "DOSSIER_NO_WORKSPACE": "1", "DOSSIER_NO_CACHE": ""])
        }
        /// The models and analyses in the cache folder (the files index of the articles' hashes, written before the
        /// lexicon is read since a load does not read it, holds nothing built from the overlays).
        var cacheEntries: [String] {
            let files = FileManager.default.enumerator(atPath: cache.path)?.allObjects as? [String] ?? []
            return files.filter { $0.hasSuffix(".model") || $0.hasSuffix(".seg") }
        }
        /// Runs a report and expects it refused with `message` and nothing written (the model cache holds the rules'
        /// model, which corrections do not change: it is only checked for an overlay's mistake).
        func expectRefused(_ message: String, _ arguments: [String] = ["run", "visit-timeline", "--format", "md"],
                           cacheUntouched: Bool = true) throws {
            let result = try run(arguments)
            #expect(result.status != 0)
            #expect(result.stderr.contains(message), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: out.path))
            #expect(!cacheUntouched || cacheEntries.isEmpty, "a model or analysis was cached from a refused build: \(cacheEntries)")
        }
    }

    @Test func aCorpusFoldersCorrectionsFileWithOneMistakeStopsTheReport() throws {
        let folder = try Folder()
        try folder.write("corrections:\n  - reject: v-kim-yong-nam-VNM-2001-f40a1c\n  - {amend: x, set: {kind: stat}}\n", "corrections.yaml")
        let file = folder.corpus.appendingPathComponent("corrections.yaml").path
        try folder.expectRefused("\(file):3:28: error: 'kind' must be one of state, official, working, unspecified, not 'stat' (did you mean 'state'?); no correction of this file applied",
                                 cacheUntouched: false)
        try folder.expectRefused("the corrections file \(file) has a mistake", ["export", "visits", "--format", "csv"], cacheUntouched: false)
    }

    @Test func anUnmatchedCorrectionIsReportedAndTheReportCountsTheOthers() throws {
        let folder = try Folder()
        let ids = try CommandRunner.run(["eval", "for v in corpus.visits() do print(v.id) end", "--corpus", folder.corpus.path, "--no-cache"],
                                        environment: ["DOSSIER_NO_WORKSPACE": "1"]).stdout.split(separator: "\n").map(String.init)
        let known = try #require(ids.first)
        let typo = String(known.dropLast()) + (known.hasSuffix("0") ? "1" : "0")
        try folder.write("- reject: \(known)\n- reject: \(typo)\n- {alias: Uncle Ho, entity: nobody-of-that-name}\n", "corrections.yaml")
        let result = try folder.run(["run", "visit-timeline", "--format", "md", "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let file = folder.corpus.appendingPathComponent("corrections.yaml").path
        #expect(result.stderr.contains("\(file):2: error: correction not applied: no visit or event has the id '\(typo)' (did you mean '\(known)'?)"),
                "\(result.stderr)")
        #expect(result.stderr.contains("\(file):3: error: correction not applied: "), "\(result.stderr)")
        let report = try String(contentsOf: folder.out, encoding: .utf8)
        #expect(report.contains("1 correction applied"), "\(report.suffix(300))")
    }

    @Test func aGazetteerOverlayNamingAnUnknownPersonStopsTheReport() throws {
        let folder = try Folder()
        try folder.write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nnobody-x\tPresident\thead_of_state\tVNM\t\t2020-01-01\t\n",
                         "dossier/gazetteer/offices.tsv")
        let file = folder.corpus.appendingPathComponent("dossier/gazetteer/offices.tsv").path
        try folder.expectRefused("\(file):2:1: error: unknown person 'nobody-x'; line skipped")
        try folder.expectRefused("the gazetteer overlay has mistakes (listed above); nothing was built")
    }

    @Test func aLexiconOverlaysUnknownKindOrRuleIdStopsTheExport() throws {
        let folder = try Folder()
        let export = ["export", "visits", "--format", "csv"]
        try folder.write("entry\tkind\nstately\tstat\n", "dossier/lexicon/en/kind-words.tsv")
        let words = folder.corpus.appendingPathComponent("dossier/lexicon/en/kind-words.tsv").path
        try folder.expectRefused("\(words):2:9: error: unknown kind 'stat' (one of state, official, working, unspecified); line skipped", export)
        try folder.write("entry\tkind\n", "dossier/lexicon/en/kind-words.tsv")
        try folder.write("rules:\n  - id: visit.travel-too\n    pattern: \"@travel-words PLACE\"\n    examples: [x]\n", "dossier/lexicon/rules.yaml")
        let rules = folder.corpus.appendingPathComponent("dossier/lexicon/rules.yaml").path
        try folder.expectRefused("\(rules):2:9: error: unknown rule id 'visit.travel-too' (did you mean 'visit.travel-to'?)", export)
    }

    /// A warm load does not read the lexicon, but an overlay added after the model was cached is part of the key: the
    /// next command builds, reads the overlay and is refused, and the cached model of the corpus without it stays.
    @Test func aLexiconOverlayAddedToACachedCorpusStopsTheExport() throws {
        let folder = try Folder()
        let export = ["export", "visits", "--format", "csv"]
        let first = try folder.run(export)
        #expect(first.status == 0, "\(first.stderr)")
        try FileManager.default.removeItem(at: folder.out)
        #expect(folder.cacheEntries.contains { $0.hasSuffix(".model") })
        let before = folder.cacheEntries
        try folder.write("entry\tkind\nstately\tstat\n", "dossier/lexicon/en/kind-words.tsv")
        let words = folder.corpus.appendingPathComponent("dossier/lexicon/en/kind-words.tsv").path
        try folder.expectRefused("\(words):2:9: error: unknown kind 'stat' (one of state, official, working, unspecified); line skipped", export,
                                 cacheUntouched: false)
        #expect(folder.cacheEntries == before, "nothing cached from the refused build")
    }
}
