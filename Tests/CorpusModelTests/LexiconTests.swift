import Foundation
import Testing
@testable import CorpusModel

/// The word sets of the rules are data (Data/lexicon, FORMAT.md): checked whole, refused line by line with
/// file, line and column, and a cue added to a copy changes the model without recompiling.
@Suite("Lexicon files")
struct LexiconTests {
    static let bundledDir = Fixtures.root.appendingPathComponent("Data/lexicon")

    /// A copy of the bundled lexicon in a temporary folder.
    func copyOfBundled() throws -> URL {
        let dir = Fixtures.tempDir().appendingPathComponent("lexicon")
        try FileManager.default.copyItem(at: Self.bundledDir, to: dir)
        return dir
    }

    func append(_ line: String, to file: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(file)
        let handle = try FileHandle(forWritingTo: url)
        handle.seekToEndOfFile()
        handle.write(Data((line + "\n").utf8))
        try handle.close()
    }

    @Test("the bundled lexicon has every word set, and no bad line, duplicate or several-word entry in a one-word set")
    func bundledIsClean() {
        let (lexicon, problems) = Lexicon.load(directory: Self.bundledDir)
        #expect(problems.isEmpty, "\(problems.map(\.description).joined(separator: "\n"))")
        #expect(lexicon.months[Fold.lowerKey("sept")] == 9 && lexicon.weekdays[Fold.lowerKey("Monday")] == 1)
        #expect(lexicon.visitNouns.match([], at: 0, end: 0) == 0)
    }

    @Test("mistakes are reported with file, line and column, and the good lines are kept")
    func badLines() throws {
        let dir = try copyOfBundled()
        try append("Grand Vizier\thead_of_govt\tno", to: "en/titles.tsv", in: dir)
        try append("Archduke\thead_of_state\tmaybe", to: "en/titles.tsv", in: dir)
        try append("set off", to: "en/planned-words.tsv", in: dir)
        try append("will", to: "en/planned-words.tsv", in: dir)
        try append("Smarch\t13", to: "en/months.tsv", in: dir)
        try append("sojourned\textra", to: "en/travel-words.tsv", in: dir)
        try "entry\nvisit\n".write(to: dir.appendingPathComponent("en/vist-nouns.tsv"), atomically: true, encoding: .utf8)
        let (lexicon, problems) = Lexicon.load(directory: dir) { word, names in names.first { $0.hasPrefix(word.prefix(3)) } }
        let text = problems.map(\.description)
        func has(_ file: String, _ fragment: String) -> Bool {
            text.contains { $0.contains(file) && $0.contains(fragment) }
        }
        let titleLines = try String(contentsOf: dir.appendingPathComponent("en/titles.tsv"), encoding: .utf8).split(separator: "\n").count
        #expect(has("en/titles.tsv:\(titleLines - 1):14: error", "unknown level 'head_of_govt'"))
        #expect(has("en/titles.tsv:\(titleLines):24: error", "depends_on_body must be 'yes' or 'no'"))
        #expect(has("en/planned-words.tsv", ":1: error: 'set off' has several words"))
        #expect(has("en/planned-words.tsv", ":1: warning: 'will' is already in this set (line"))
        #expect(has("en/months.tsv", ":8: error: expected a number in 1...12, found '13'"))
        #expect(has("en/travel-words.tsv", "expected 1 tab-separated cells"))
        #expect(has("en/vist-nouns.tsv", "unknown word set 'vist-nouns' (did you mean 'visit-nouns.tsv'?)"))
        // The good lines are kept.
        #expect(lexicon.plannedCues.contains(Fold.lowerKey("will")) && lexicon.titles[Fold.lowerKey("President")] != nil)
    }

    @Test("a lexicon without a word set, or without language folders, says so")
    func missing() throws {
        let dir = try copyOfBundled()
        try FileManager.default.removeItem(at: dir.appendingPathComponent("en/visit-verbs.tsv"))
        try FileManager.default.removeItem(at: dir.appendingPathComponent("vi/visit-verbs.tsv"))
        #expect(Lexicon.load(directory: dir).1.map(\.message) == ["word set 'visit-verbs' missing: no visit-verbs.tsv in any language folder"])
        #expect(Lexicon.load(directory: dir.appendingPathComponent("en")).1.first?.message.hasPrefix("no language folder") == true)
    }

    @Test("a cue word added to a copied lexicon changes the model, without recompiling")
    func newCueChangesTheOutput() throws {
        let text = "Indonesian President Joko Widodo sojourned in Hanoi on Monday."
        let builder = { (lexicon: Lexicon) in
            CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1, lexicon: lexicon)
                .build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2023-09-12")))]).0
        }
        let dir = try copyOfBundled()
        #expect(builder(Lexicon.load(directory: dir).0).visits.isEmpty)
        try append("sojourned in", to: "en/travel-words.tsv", in: dir)
        let corpus = builder(Lexicon.load(directory: dir).0)
        #expect(corpus.visitSummaries() == ["Joko Widodo -> VNM 2023-09-11 occurred"])
        #expect(corpus.visits.first?.rules.contains("visit.travel-to") == true)
    }
}
