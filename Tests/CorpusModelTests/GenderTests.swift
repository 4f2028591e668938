import Foundation
import Testing
@testable import CorpusModel

/// Gender in coreference (rule coref.gender): a gendered pronoun never stands for a person of the other known gender
/// (the gazetteer's `person-genders.tsv`, else an honorific or title before the name), and a person of unknown
/// gender fits any pronoun; the genders file is checked as the other gazetteer files are.
@Suite("Coreference by gender")
struct GenderTests {
    func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
            .build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: date)))]).0
        return corpus.visitSummaries().sorted()
    }

    static let meloniThenKishida = "Italian Prime Minister Giorgia Meloni arrived in Tokyo on June 2. Japanese Prime Minister Fumio Kishida spoke in Osaka on June 3."

    @Test("'she' passes over the man named more recently for the woman before him; 'he' still takes him")
    func shePassesOverAMan() {
        let she = visits(Self.meloniThenKishida + " On June 4 she flew to Singapore.")
        #expect(she.contains { $0.hasPrefix("Giorgia Meloni -> SGP 2024-06-04") }, "\(she)")
        #expect(!she.contains { $0.hasPrefix("Fumio Kishida -> SGP") }, "\(she)")
        let he = visits(Self.meloniThenKishida + " On June 4 he flew to Singapore.")
        #expect(he.contains { $0.hasPrefix("Fumio Kishida -> SGP 2024-06-04") }, "\(he)")
        #expect(!he.contains { $0.hasPrefix("Giorgia Meloni -> SGP") }, "\(he)")
    }

    @Test("'ông' never stands for a woman, 'bà' does")
    func vietnamesePronouns() {
        let lead = "Thủ tướng Ý Giorgia Meloni thăm Tokyo ngày 2/6. "
        let ong = visits(lead + "Ngày 4/6, ông sang Singapore.")
        #expect(!ong.contains { $0.hasPrefix("Giorgia Meloni -> SGP") }, "\(ong)")
        let ba = visits(lead + "Ngày 4/6, bà sang Singapore.")
        #expect(ba.contains { $0.hasPrefix("Giorgia Meloni -> SGP") }, "\(ba)")
    }

    @Test("the rules of a visit say when the pronoun's gender changed whom it stands for")
    func ruleProvenance() {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
            .build(texts: [("a.txt", Self.meloniThenKishida + " On June 4 she flew to Singapore.",
                            ManifestEntry(file: "a.txt", date: PartialDate(iso: "2024-06-15")))]).0
        let singapore = corpus.visits.first { $0.destination == "SGP" }
        #expect(singapore?.rules.contains("coref.gender") == true, "\(String(describing: singapore?.rules))")
        let tokyo = corpus.visits.first { $0.destination == "JPN" }
        #expect(tokyo?.rules.contains("coref.gender") == false)
    }

    @Test("persons found in the text take a gender from the honorific or title before their name")
    func honorificGivesGender() {
        let text = "King Tomasi Kalo of Tonga arrived in Wellington on June 2. Queen Losana Vaka of Fiji spoke in Suva on June 3. On June 4 he flew to Sydney."
        let v = visits(text)
        #expect(v.contains { $0.hasPrefix("Tomasi Kalo -> AUS 2024-06-04") }, "\(v)")
        #expect(!v.contains { $0.hasPrefix("Losana Vaka -> AUS") }, "\(v)")
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
            .build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: "2024-06-15")))]).0
        #expect(corpus.entities.first { $0.name == "Losana Vaka" }?.gender == .female)
        #expect(corpus.entities.first { $0.name == "Tomasi Kalo" }?.gender == .male)
    }

    @Test("a person of unknown gender fits either pronoun")
    func unknownGenderFits() {
        let v = visits("President Tomasi Kalo of Fiji arrived in Wellington on June 2. On June 4 she flew to Sydney.")
        #expect(v.contains { $0.hasPrefix("Tomasi Kalo -> AUS 2024-06-04") }, "\(v)")
    }

    @Test("the bundled gazetteer and lexicon give genders")
    func bundledGenders() {
        let g = Fixtures.fullGazetteer
        #expect(g.entity(id: "angela-merkel")?.gender == .female)
        #expect(g.entity(id: "to-lam")?.gender == .male)
        let lexicon = Lexicon.bundled
        #expect(lexicon.pronounGenders[Fold.lowerKey("she")] == .female)
        #expect(lexicon.pronounGenders[Fold.lowerKey("ông")] == .male)
    }

    @Test("person-genders.tsv refuses an unknown person or gender with a 'did you mean'; an overlay's other gender wins")
    func genderFileChecks() throws {
        let overlay = Fixtures.tempDir()
        try "person\tgender\nangela-merkle\tf\nvladimir-putin\tmale\nangela-merkel\tm\n"
            .write(to: overlay.appendingPathComponent("person-genders.tsv"), atomically: true, encoding: .utf8)
        let bundled = Fixtures.root.appendingPathComponent("Data/gazetteer")
        let (g, problems) = Gazetteer.loadFromFiles(directories: [bundled, overlay])
        let text = problems.map(\.description)
        let file = overlay.appendingPathComponent("person-genders.tsv").path
        #expect(text.contains("\(file):2:1: error: unknown person 'angela-merkle' (did you mean 'angela-merkel'?); line skipped"), "\(text)")
        #expect(text.contains("\(file):3:16: error: unknown gender 'male' (did you mean 'm'?); line skipped"), "\(text)")
        #expect(text.contains { $0.hasPrefix("\(file):4:15: warning: 'angela-merkel' is 'm' here but 'f' in \(bundled.path)/person-genders.tsv:") && $0.hasSuffix("; the overlay wins") },
                "\(text)")
        #expect(g.entity(id: "angela-merkel")?.gender == .male)
        #expect(g.entity(id: "vladimir-putin")?.gender == .male) // the bundled row stays
    }

    @Test("the lexicon refuses a gender it does not know")
    func lexiconGenderCheck() throws {
        let dir = Fixtures.tempDir()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("en"), withIntermediateDirectories: true)
        try "entry\tgender\nshe\tF\n".write(to: dir.appendingPathComponent("en/pronoun-genders.tsv"), atomically: true, encoding: .utf8)
        let (_, problems) = Lexicon.load(directory: OverlayTests.bundledLexicon, overlays: [dir])
        #expect(problems.map(\.description).contains("\(dir.path)/en/pronoun-genders.tsv:2:5: error: unknown gender 'F' (did you mean 'f'?); line skipped"),
                "\(problems)")
    }
}
