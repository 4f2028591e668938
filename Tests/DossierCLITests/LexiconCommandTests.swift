import Foundation
import Testing

/// `--no-bundled-lexicon --lexicon DIR` (a whole lexicon instead of the bundled one) and `dossier evaluate --by-rule` as a user runs them: a copied lexicon with one more cue
/// changes the export without recompiling; a lexicon with a mistake is refused with file, line and column.
@Suite("dossier --lexicon and evaluate --by-rule")
struct LexiconCommandTests {
    func temporaryCopy() throws -> (corpus: URL, lexicon: URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-cli-lexicon-\(UUID().uuidString)")
        let corpus = root.appendingPathComponent("corpus"), lexicon = root.appendingPathComponent("lexicon")
        try FileManager.default.createDirectory(at: corpus, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandRunner.repository.appendingPathComponent("Data/lexicon"), to: lexicon)
        try "Indonesian President Joko Widodo sojourned in Hanoi on Monday.\n"
            .write(to: corpus.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        try "documents:\n  - {file: a.txt, date: 2023-09-12}\n"
            .write(to: corpus.appendingPathComponent("manifest.yaml"), atomically: true, encoding: .utf8)
        return (corpus, lexicon)
    }

    @Test func aCueAddedToACopiedLexiconChangesTheExport() throws {
        let (corpus, lexicon) = try temporaryCopy()
        // Without a scorer: a proposed candidate (rule visit.proposed) would pair them without the cue word.
        let before = try CommandRunner.run(["export", "visits", "--corpus", corpus.path, "--no-bundled-lexicon", "--lexicon", lexicon.path, "--format", "csv",
                                            "--scorer", "none"])
        #expect(before.status == 0)
        #expect(before.stdout.split(separator: "\r\n").count == 1) // the header only
        let handle = try FileHandle(forWritingTo: lexicon.appendingPathComponent("en/travel-words.tsv"))
        handle.seekToEndOfFile()
        handle.write(Data("sojourned in\n".utf8))
        try handle.close()
        let after = try CommandRunner.run(["export", "visits", "--corpus", corpus.path, "--no-bundled-lexicon", "--lexicon", lexicon.path, "--format", "csv",
                                           "--scorer", "none"])
        #expect(after.status == 0)
        #expect(after.stdout.contains("Joko Widodo,IDN,VNM,Hanoi,,,2023-09-11")) // no host named
        #expect(after.stdout.contains("visit.travel-to"))
    }

    @Test func aLexiconWithAMistakeIsRefused() throws {
        let (corpus, lexicon) = try temporaryCopy()
        try "entry\tnumber\nsmarch\t13\n".write(to: lexicon.appendingPathComponent("en/months.tsv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["export", "visits", "--corpus", corpus.path, "--no-bundled-lexicon", "--lexicon", lexicon.path])
        #expect(result.status != 0)
        #expect(result.stderr.contains("en/months.tsv:2:8: error: expected a number in 1...12, found '13'"))
        #expect(result.stdout.isEmpty)
    }

    @Test func evaluateByRuleListsEachRule() throws {
        let result = try CommandRunner.run(["evaluate", "--by-rule", "--quiet"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("rule "))
        #expect(result.stdout.contains("visit.noun"))
        #expect(result.stdout.contains("precision"))
    }
}
