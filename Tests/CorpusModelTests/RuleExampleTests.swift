import Foundation
import Testing
@testable import CorpusModel

/// Every rule of Data/lexicon/rules.yaml fires on its examples and not on its counter-examples; a rules file
/// with a mistake is reported with file, line and column.
@Suite("Rule examples and counter-examples")
struct RuleExampleTests {
    static let lexicon = Lexicon.bundled

    static func rules(of sentence: String) -> [Set<String>] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1, lexicon: lexicon)
            .build(texts: [("a.txt", sentence, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2024-06-15")))]).0
        return corpus.visits.map { Set($0.rules) }
    }

    static let cases: [(String, String, Bool)] = lexicon.ruleSpecs.flatMap { spec in
        spec.examples.map { (spec.rule.id, $0, true) } + spec.counterExamples.map { (spec.rule.id, $0, false) }
    }

    @Test("the rules file declares examples for every trigger rule")
    func everyTriggerRuleHasExamples() {
        let declared = Set(Self.lexicon.ruleSpecs.map(\.rule))
        for rule in [Rule.visitNoun, .visitVerb, .visitTravelTo, .visitPresence, .visitAttendGathering, .visitHostWelcomes] {
            #expect(declared.contains(rule), "\(rule.id) has no entry in rules.yaml")
        }
    }

    @Test("examples fire, counter-examples do not", arguments: cases)
    func example(_ id: String, _ sentence: String, _ fires: Bool) {
        let made = Self.rules(of: sentence)
        if fires {
            #expect(made.contains { $0.contains(id) }, "\(id) did not fire on: \(sentence) (visits' rules: \(made))")
        } else {
            #expect(!made.contains { $0.contains(id) }, "\(id) fired on the counter-example: \(sentence)")
        }
    }

    @Test("a rules file with mistakes is reported with line and column, and its good rules kept")
    func badRulesFile() throws {
        let dir = Fixtures.tempDir().appendingPathComponent("lexicon")
        try FileManager.default.copyItem(at: LexiconTests.bundledDir, to: dir)
        try """
        rules:
          - id: visit.travel-to
            pattern: "@travel-word _{0,4} PLACE"
            examples: ["x"]
          - id: visit.presense
            examples: ["x"]
          - id: visit.host-welcomes
            pattern: "@guest-cues PERSON"
            examples: ["x"]
          - id: visit.verb
            pattern: "@visit-verbs"
            pattren: "@visit-verbs"
            examples: ["x"]
          - id: visit.noun
            pattern: "@visit-nouns _{4,2}"
            examples: ["x"]
        """.write(to: dir.appendingPathComponent("rules.yaml"), atomically: true, encoding: .utf8)
        // A stand-in for the CLI's did-you-mean: the name sharing the longest prefix with the word.
        let (lexicon, problems) = Lexicon.load(directory: dir) { word, names in
            names.max { a, b in a.commonPrefix(with: word).count < b.commonPrefix(with: word).count }
        }
        let text = problems.map(\.description)
        #expect(text.contains { $0.hasSuffix("rules.yaml:3:15: error: unknown word set 'travel-word' (did you mean 'travel-words'?) (a set of words or phrases)") }, "\(text)")
        #expect(text.contains { $0.contains("rules.yaml:5:9: error: unknown rule id 'visit.presense' (did you mean 'visit.presence'?)") }, "\(text)")
        #expect(text.contains { $0.contains("rules.yaml:8:14: error: rule 'visit.host-welcomes' is code") }, "\(text)")
        #expect(text.contains { $0.contains("rules.yaml:12:5: error: unknown field 'pattren' (did you mean 'pattern'?)") }, "\(text)")
        #expect(text.contains { $0.contains("rules.yaml:15:28: error: '_{4,2}' is not @set, PLACE or _{m,n}") }, "\(text)")
        #expect(lexicon.visitVerbPattern != nil && lexicon.visitNounPattern == nil)
    }
}
