import Foundation
import Testing
@testable import CorpusModel

/// Overlays (docs/overlays.md): a lexicon or gazetteer folder layered over the bundled one adds to it; what it
/// contradicts is reported with both places and the overlay wins; its mistakes are reported as the bundled files' are.
@Suite("Overlays")
struct OverlayTests {
    static let bundledLexicon = Fixtures.root.appendingPathComponent("Data/lexicon")
    static let bundledGazetteer = Fixtures.root.appendingPathComponent("Data/gazetteer")

    func write(_ text: String, _ path: String, in dir: URL) throws {
        let url = dir.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    @Test("a lexicon overlay adds entries, keeps the bundled ones and reports a duplicate")
    func lexiconOverlayAdds() throws {
        let overlay = Fixtures.tempDir()
        try write("entry\nsojourned in\nleft for\n", "en/travel-words.tsv", in: overlay)
        let (lexicon, problems) = Lexicon.load(directory: Self.bundledLexicon, overlays: [overlay])
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1, lexicon: lexicon)
            .build(texts: [("a.txt", "Indonesian President Joko Widodo sojourned in Hanoi on Monday.",
                            ManifestEntry(file: "a.txt", date: PartialDate(iso: "2023-09-12")))]).0
        #expect(corpus.visitSummaries() == ["Joko Widodo -> VNM 2023-09-11 occurred"])
        #expect(lexicon.visitNouns.contains(Fold.lowerKey("visit"))) // a bundled entry
        #expect(problems.map(\.severity) == [.warning])
        #expect(problems.first?.description.hasPrefix("\(overlay.path)/en/travel-words.tsv:3:1: warning: 'left for' is already in travel-words (\(Self.bundledLexicon.path)/en/travel-words.tsv:") == true,
                "\(problems)")
    }

    @Test("a title at another level is reported with both places, and the overlay's level is used")
    func lexiconContradiction() throws {
        let overlay = Fixtures.tempDir()
        try write("entry\tlevel\tdepends_on_body\nForeign Minister\thead_of_government\tno\n", "en/titles.tsv", in: overlay)
        let (lexicon, problems) = Lexicon.load(directory: Self.bundledLexicon, overlays: [overlay])
        let title = lexicon.titles[Fold.lowerKey("Foreign")]?.first { $0.tokens == Lexicon.keys("foreign minister") }
        #expect(title?.level == .headOfGovernment)
        #expect(problems.count == 1)
        let message = problems.first?.description ?? ""
        #expect(message.hasPrefix("\(overlay.path)/en/titles.tsv:2:1: warning: 'Foreign Minister' is 'head_of_government' (depends_on_body no) here but 'minister' (depends_on_body no) in \(Self.bundledLexicon.path)/en/titles.tsv:"), "\(message)")
        #expect(message.hasSuffix("; the overlay wins"))
    }

    @Test("an overlay rule replaces the bundled rule of its id in place; a rule of the same pattern is reported as such")
    func ruleOverlay() throws {
        let overlay = Fixtures.tempDir()
        try write("""
            rules:
              - id: visit.travel-to
                pattern: "@travel-words _{0,2} PLACE"
                examples: ["Indonesian President Joko Widodo arrived in Hanoi on June 3."]
            """, "rules.yaml", in: overlay)
        let bundled = Lexicon.bundled
        let (lexicon, problems) = Lexicon.load(directory: Self.bundledLexicon, overlays: [overlay])
        #expect(lexicon.ruleSpecs.map(\.rule) == bundled.ruleSpecs.map(\.rule))
        #expect(lexicon.ruleSpecs.first { $0.rule == .visitTravelTo }?.pattern == [.set("travel-words"), .gap(0, 2), .place])
        #expect(problems.count == 1)
        #expect(problems.first?.description.contains("rules.yaml:2:1: warning: rule 'visit.travel-to' is declared differently in \(Self.bundledLexicon.path)/rules.yaml:") == true,
                "\(problems)")
    }

    @Test("an overlay's mistakes are refused as the bundled files' are, with file, line and column and a 'did you mean'")
    func lexiconOverlayMistakes() throws {
        let overlay = Fixtures.tempDir()
        try write("entry\tnumber\nsmarch\t13\n", "en/months.tsv", in: overlay)
        try write("entry\nvisit\n", "en/vist-nouns.tsv", in: overlay)
        try write("entry\n", "fr/visit-nouns.tsv", in: overlay)
        try write("rules:\n  - id: visit.travel-to\n    pattern: \"@travel-word PLACE\"\n    examples: [x]\n", "rules.yaml", in: overlay)
        let (lexicon, problems) = Lexicon.load(directory: Self.bundledLexicon, overlays: [overlay]) { word, names in
            names.first { $0.hasPrefix(word.prefix(3)) }
        }
        let text = problems.map(\.description)
        #expect(text.contains("\(overlay.path)/en/months.tsv:2:8: error: expected a number in 1...12, found '13'; line skipped"), "\(text)")
        #expect(text.contains { $0.contains("vist-nouns.tsv: error: unknown word set 'vist-nouns' (did you mean 'visit-nouns.tsv'?)") })
        #expect(text.contains { $0.contains("\(overlay.path)/fr: error: not part of a lexicon overlay") })
        #expect(text.contains { $0.contains("rules.yaml:3:15: error: unknown word set 'travel-word'") }, "\(text)")
        // What is wrong is left out; the bundled rule stays.
        #expect(lexicon.ruleSpecs.first { $0.rule == .visitTravelTo }?.pattern == Lexicon.bundled.ruleSpecs.first { $0.rule == .visitTravelTo }?.pattern)
        #expect(Lexicon.load(directory: Self.bundledLexicon, overlays: [overlay.appendingPathComponent("none")]).1.first?.message
                == "lexicon overlay folder not found")
    }

    @Test("a gazetteer overlay adds a person with an alias and an office, and aliases of a country and a city")
    func gazetteerOverlayAdds() throws {
        let overlay = Fixtures.tempDir()
        try write("id\tname\tcountry\taliases\tshort\nmarisol-quenta\tMarisol Quenta\tBOL\tMarisol Quenta Mamani\tQuenta\n", "persons.tsv", in: overlay)
        try write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nmarisol-quenta\tPresident of Bolivia\thead_of_state\tBOL\t\t2030-11-08\t\n",
                  "offices.tsv", in: overlay)
        try write("country\talias\tlang\tkind\nBOL\tPlurinational Bolivia\ten\tpress\nBOL\tAltiplanic\ten\tdemonym\n", "country-aliases.tsv", in: overlay)
        let hanoi = try #require(Fixtures.fullGazetteer.lookup("Hanoi").first { $0.kind == .city })
        try write("city\talias\tlang\n\(hanoi.id)\tThang Long\ten\n", "city-aliases.tsv", in: overlay)
        let (g, problems) = Gazetteer.loadFromFiles(directories: [Self.bundledGazetteer, overlay])
        #expect(problems.isEmpty, "\(problems)")
        #expect(g.lookup("Marisol Quenta Mamani").map(\.id) == ["marisol-quenta"])
        #expect(g.entity(id: "marisol-quenta")?.offices.first?.level == .headOfState)
        #expect(g.lookup("Plurinational Bolivia").map(\.id) == ["BOL"])
        #expect(g.refs(forKey: Fold.key("Altiplanic"))?.first?.role == .demonym)
        #expect(g.lookup("Thang Long").map(\.id) == [hanoi.id])
        #expect(g.lookup("Vladimir Putin").map(\.id) == ["vladimir-putin"])
    }

    @Test("an office over the same time with other dates, and another name for an id, are reported and the overlay wins")
    func gazetteerContradictions() throws {
        let overlay = Fixtures.tempDir()
        try write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\njoko-widodo\tPresident of Indonesia\thead_of_state\tIDN\t\t2014-10-21\t2024-10-20\njoko-widodo\tGovernor of Jakarta\tother\tIDN\t\t2012-10-15\t2014-10-16\n",
                  "offices.tsv", in: overlay)
        try write("id\tname\tcountry\taliases\tshort\njoko-widodo\tJoko \"Jokowi\" Widodo\tIDN\tJokowi\t\n", "persons.tsv", in: overlay)
        let bundled = Fixtures.fullGazetteer.entity(id: "joko-widodo")
        let (g, problems) = Gazetteer.loadFromFiles(directories: [Self.bundledGazetteer, overlay])
        let person = try #require(g.entity(id: "joko-widodo"))
        #expect(person.name == "Joko \"Jokowi\" Widodo")
        #expect(person.offices.filter { $0.level == .headOfState }.map { $0.start?.iso } == ["2014-10-21"])
        #expect(person.offices.count == (bundled?.offices.count ?? 0) + 1) // the governorship is a new office
        #expect(g.lookup("Jokowi").map(\.id) == ["joko-widodo"])
        let text = problems.map(\.description)
        #expect(text.count == 2, "\(text)")
        #expect(text.contains { $0.hasPrefix("\(overlay.path)/persons.tsv:2:13: warning: 'joko-widodo' is 'Joko \"Jokowi\" Widodo' of IDN here but 'Joko Widodo' of IDN in \(Self.bundledGazetteer.path)/persons.tsv:") })
        #expect(text.contains { $0.hasPrefix("\(overlay.path)/offices.tsv:2:55: warning: 'joko-widodo' holds President of Indonesia from 2014-10-21 to 2024-10-20 here but from 2014-10-20 to 2024-10-20 in \(Self.bundledGazetteer.path)/offices.tsv:") && $0.hasSuffix("; the overlay wins") }, "\(text)")
    }

    @Test("a row naming an unknown country or organisation, and a misnamed file, are refused with a did-you-mean")
    func unknownCodesAreRefused() throws {
        let overlay = Fixtures.tempDir()
        defer { try? FileManager.default.removeItem(at: overlay) }
        try write("id\tname\tcountry\taliases\tshort\nmarisol-quenta\tMarisol Quenta\tBLO\t\tQuenta\nana-ruiz\tAna Ruiz\tBolivia\t\t\n"
                  + "li-wen\tLi Wen\tQQQ\t\t\nrosa-paz\tRosa Paz\tBOL\t\t\n", "persons.tsv", in: overlay)
        try write("person\ttitle\tlevel\tcountry\torganisation\tstart\tend\nrosa-paz\tMinister\tminister\tBOL\tvnm-mofaa\t2030\t\n"
                  + "rosa-paz\tMinister\tminister\tBLX\t\t2030\t\n", "offices.tsv", in: overlay)
        try write("id\tname\tcountry\tpopulation\taliases\nx-1\tNowhere Town\tZZZ\t\t\n", "cities.tsv", in: overlay)
        try write("id\tname\tcountry\taliases\tshort\n", "person.tsv", in: overlay)
        let (g, problems) = Gazetteer.loadFromFiles(directories: [Self.bundledGazetteer, overlay])
        let text = problems.map(\.description)
        let persons = overlay.appendingPathComponent("persons.tsv").path, offices = overlay.appendingPathComponent("offices.tsv").path
        #expect(text.contains("\(persons):2:31: error: unknown country 'BLO' (did you mean 'BOL' (Bolivia)?); line skipped"), "\(text)")
        #expect(text.contains("\(persons):3:19: error: unknown country 'Bolivia' (did you mean 'BOL'?); line skipped"), "\(text)")
        #expect(text.contains("\(persons):4:15: error: unknown country 'QQQ'; line skipped"), "\(text)")
        #expect(text.contains("\(offices):2:32: error: unknown organisation 'vnm-mofaa' (did you mean 'vnm-mofa'?); line skipped"), "\(text)")
        #expect(text.contains("\(offices):3:28: error: unknown country 'BLX' (did you mean 'BLM' (Saint Barthélemy), 'BLR' (Belarus) or 'BLZ' (Belize)?); line skipped"), "\(text)")
        #expect(text.contains { $0.hasPrefix("\(overlay.path)/cities.tsv:2:18: error: unknown country 'ZZZ'") }, "\(text)")
        #expect(text.contains { $0.hasPrefix("\(overlay.path)/person.tsv: error: not a gazetteer file (did you mean 'persons.tsv'?") }, "\(text)")
        #expect(problems.count == 7, "\(text)")
        #expect(g.entity(id: "marisol-quenta") == nil && g.entity(id: "x-1") == nil)
        #expect(g.entity(id: "rosa-paz")?.offices.isEmpty == true) // the row is there, its two offices are not
    }

    @Test("the bundled gazetteer names no unknown country, organisation or file")
    func bundledGazetteerIsClean() {
        let (_, problems) = Gazetteer.loadFromFiles(directories: [Self.bundledGazetteer])
        #expect(problems.filter { $0.severity == .error }.isEmpty, "\(problems.prefix(5))")
    }
}
