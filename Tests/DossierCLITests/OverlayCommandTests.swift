import Foundation
import Testing

/// Overlays as an analyst uses them (docs/overlays.md): gazetteer and lexicon folders that add to the bundled data,
/// given with --gazetteer / --lexicon or found in the corpus folder's `dossier/`, with the model cache on.
@Suite("dossier overlays")
struct OverlayCommandTests {
    /// A scratch project: a corpus of two articles (one by a person the bundled gazetteer lacks, one with a travel
    /// phrase no bundled set has), an empty overlay folder and a cache folder.
    struct Project {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-overlays-\(UUID().uuidString)")
        var corpus: URL { root.appendingPathComponent("corpus") }
        var overlay: URL { root.appendingPathComponent("overlay") }
        var cache: URL { root.appendingPathComponent("cache") }

        init() throws {
            try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
            try write("President Marisol Quenta Mamani arrived in Hanoi on Monday for a state visit to Vietnam.\n", "corpus/a.txt")
            try write("Joko Widodo sojourned in Hanoi on Monday.\n", "corpus/b.txt")
            try write("documents:\n  - {file: a.txt, date: 2031-03-12}\n  - {file: b.txt, date: 2023-09-12}\n", "corpus/manifest.yaml")
        }

        func write(_ text: String, _ path: String) throws {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }

        /// A person (with an alias) and their office, unknown to the bundled gazetteer, in `folder`.
        func writePerson(in folder: String) throws {
            try write("id\tname\tcountry\taliases\tshort\nmarisol-quenta\tMarisol Quenta\tBOL\tMarisol Quenta Mamani\tQuenta\n",
                      "\(folder)/persons.tsv")
            try write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nmarisol-quenta\tPresident of Bolivia\thead_of_state\tBOL\t\t2030-11-08\t\n",
                      "\(folder)/offices.tsv")
        }

        func export(_ table: String = "visits", _ extra: [String] = []) throws -> CommandRunner.Result {
            try CommandRunner.run(["export", table, "--corpus", corpus.path, "--cache", cache.path, "--format", "csv"] + extra,
                                  environment: ["DOSSIER_CACHE_DIR": root.path, "DOSSIER_NO_WORKSPACE": "1"])
        }
    }

    @Test func anOverlayPersonWithAliasAndOfficeAppearsInTheExport() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let without = try project.export()
        #expect(without.status == 0, "\(without.stderr)")
        #expect(!without.stdout.contains("Marisol Quenta"))
        try project.writePerson(in: "overlay")
        let with = try project.export("visits", ["--gazetteer", project.overlay.path])
        #expect(with.status == 0, "\(with.stderr)")
        // Found by its alias, with the country and level of the overlay's office; the bundled persons are still there.
        #expect(with.stdout.contains("Marisol Quenta,BOL,VNM,Hanoi,,,2031-03-10,,2031,state,head_of_state,occurred"), "\(with.stdout)")
        let entities = try project.export("entities", ["--gazetteer", project.overlay.path])
        #expect(entities.stdout.contains("marisol-quenta"))
        #expect(with.stderr.isEmpty, "\(with.stderr)")
    }

    @Test func aCueWordInALexiconOverlayChangesTheExportWithoutRecompiling() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let before = try project.export("visits", ["--lexicon", project.overlay.path + "/"])
        #expect(before.status != 0) // the overlay folder does not exist yet
        #expect(before.stderr.contains("lexicon overlay folder not found"), "\(before.stderr)")
        try project.write("entry\n", "overlay/en/travel-words.tsv")
        // Without a scorer: a proposed candidate (rule visit.proposed) would pair them without the cue word.
        let empty = try project.export("visits", ["--lexicon", project.overlay.path, "--scorer", "none"])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(!empty.stdout.contains("Joko Widodo"))
        // The same command after one line is added: the cached model is not reused, the phrase is a travel phrase.
        try project.write("entry\nsojourned in\n", "overlay/en/travel-words.tsv")
        let after = try project.export("visits", ["--lexicon", project.overlay.path, "--scorer", "none"])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(after.stdout.contains("Joko Widodo,IDN,VNM,Hanoi,,,2023-09-11"), "\(after.stdout)")
        #expect(after.stdout.contains("visit.travel-to"))
    }

    @Test func aContradictionIsReportedWithBothPlacesAndTheOverlayWins() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        // "state" is a kind word of the bundled lexicon; the overlay makes it an official visit's word.
        try project.write("entry\tkind\nstate\tofficial\n", "overlay/en/kind-words.tsv")
        try project.writePerson(in: "gazetteer")
        let result = try project.export("visits", ["--lexicon", project.overlay.path,
                                                   "--gazetteer", project.root.appendingPathComponent("gazetteer").path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = project.overlay.appendingPathComponent("en/kind-words.tsv").path
        let bundled = CommandRunner.repository.appendingPathComponent("Data/lexicon/en/kind-words.tsv").path
        let report = result.stderr.split(separator: "\n").first { $0.hasPrefix("\(file):2:1: warning: 'state' is 'official' here but 'state' in \(bundled):") }
        #expect(report?.hasSuffix("; the overlay wins") == true, "\(result.stderr)")
        #expect(result.stdout.contains("Marisol Quenta,BOL,VNM,Hanoi,,,2031-03-10,,2031,official,head_of_state"), "\(result.stdout)")
    }

    @Test func anOfficeWithOtherDatesIsReportedAndTheOverlayWins() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        // Joko Widodo's presidency starting after the article: the bundled office no longer gives his level in 2023.
        try project.write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\njoko-widodo\tPresident of Indonesia\thead_of_state\tIDN\t\t2024-01-01\t\n",
                          "overlay/offices.tsv")
        try project.write("entry\nsojourned in\n", "lexicon/en/travel-words.tsv")
        let lexicon = ["--lexicon", project.root.appendingPathComponent("lexicon").path]
        let before = try project.export("visits", lexicon)
        #expect(before.stdout.contains("Joko Widodo,IDN,VNM,Hanoi,,,2023-09-11,,2023,unspecified,head_of_state"), "\(before.stdout)")
        let result = try project.export("visits", lexicon + ["--gazetteer", project.overlay.path])
        #expect(result.status == 0, "\(result.stderr)")
        let file = project.overlay.appendingPathComponent("offices.tsv").path
        let bundled = CommandRunner.repository.appendingPathComponent("Data/gazetteer/offices.tsv").path
        #expect(result.stderr.contains("\(file):2:55: warning: 'joko-widodo' holds President of Indonesia from 2024-01-01 to now here but from 2014-10-20 to 2024-10-20 in \(bundled):"),
                "\(result.stderr)")
        // With no office on its date the visit's level is "other", and occurred visits below minister level are
        // left out of the model (Merger.keepQualifyingLevels): the overlay's dates decide.
        #expect(!result.stdout.contains("Joko Widodo,IDN,VNM"), "\(result.stdout)")
    }

    @Test func aMalformedOverlayLineIsRefusedAndNothingIsWritten() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        try project.writePerson(in: "overlay")
        try project.write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nmarisol-quenta\tPresident of Bolivia\thead_of_stat\tBOL\t\t2030-11-08\t\n",
                          "overlay/offices.tsv")
        let out = project.root.appendingPathComponent("visits.csv")
        let result = try project.export("visits", ["--gazetteer", project.overlay.path, "--out", out.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(project.overlay.path)/offices.tsv:2:37: error: unknown level 'head_of_stat' (did you mean 'head_of_state'?); line skipped"), "\(result.stderr)")
        #expect(result.stderr.contains("the gazetteer overlay has mistakes"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(!FileManager.default.fileExists(atPath: project.cache.path))
        // A lexicon overlay line in a one-word set with two words: refused the same way.
        try project.write("entry\nsojourned in\n", "lexicon/en/visiting-words.tsv")
        let lexicon = try project.export("visits", ["--lexicon", project.root.appendingPathComponent("lexicon").path, "--out", out.path])
        #expect(lexicon.status != 0)
        #expect(lexicon.stderr.contains("lexicon/en/visiting-words.tsv:2:1: error: 'sojourned in' has several words"), "\(lexicon.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anOverlayPersonOfAnUnknownCountryIsRefusedAndNothingIsWritten() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        try project.write("id\tname\tcountry\taliases\tshort\nmarisol-quenta\tMarisol Quenta\tBLO\tMarisol Quenta Mamani\tQuenta\n",
                          "corpus/dossier/gazetteer/persons.tsv")
        let out = project.root.appendingPathComponent("visits.csv")
        let result = try project.export("visits", ["--out", out.path])
        #expect(result.status != 0)
        let file = project.corpus.appendingPathComponent("dossier/gazetteer/persons.tsv").path
        #expect(result.stderr.contains("\(file):2:31: error: unknown country 'BLO' (did you mean 'BOL' (Bolivia)?); line skipped"), "\(result.stderr)")
        #expect(result.stderr.contains("the gazetteer overlay has mistakes"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func anOverlayInTheCorpusDossierFolderIsFoundAndNotReadAsAnArticle() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        try project.writePerson(in: "corpus/dossier/gazetteer")
        try project.write("entry\nsojourned in\n", "corpus/dossier/lexicon/en/travel-words.tsv")
        try project.write("Not an article.\n", "corpus/dossier/notes.txt")
        let visits = try project.export()
        #expect(visits.status == 0, "\(visits.stderr)")
        #expect(visits.stdout.contains("Marisol Quenta,BOL,VNM,Hanoi"), "\(visits.stdout)")
        #expect(visits.stdout.contains("Joko Widodo,IDN,VNM,Hanoi"), "\(visits.stdout)")
        let documents = try project.export("documents")
        #expect(documents.stdout.split(separator: "\r\n").count == 3, "\(documents.stdout)") // the header and two articles
        #expect(!documents.stdout.contains("notes.txt"))
    }

    @Test func noBundledGazetteerNeedsAFolder() throws {
        let project = try Project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try project.export("visits", ["--no-bundled-gazetteer"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--no-bundled-gazetteer needs a gazetteer: give one with --gazetteer DIR"), "\(result.stderr)")
    }
}
