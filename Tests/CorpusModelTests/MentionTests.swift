import Foundation
import Testing
@testable import CorpusModel

@Suite("Mentions")
struct MentionTests {
    func mentions(_ text: String, date: String = "2025-10-09") -> (Corpus, [(String, String, MentionRole)]) {
        let c = Fixtures.corpus(text, date: date)
        let d = c.documents[0]
        return (c, d.mentions.map { (c.entities[$0.entity].id, d.slice($0.range), $0.role) })
    }

    @Test("names resolve on the folded key whatever the spelling")
    func spellings() {
        let (_, m) = mentions("To Lam met Kim Jong-un in Pyongyang. Tô Lâm left Bình Nhưỡng for the DPRK capital and Triều Tiên.")
        let ids = m.map(\.0)
        #expect(ids.filter { $0 == "to-lam" }.count == 2)
        #expect(ids.contains("kim-jong-un") && ids.contains("geonames:1871859"))
        #expect(ids.filter { $0 == "PRK" }.count == 2)
    }

    @Test("demonyms name their country")
    func demonyms() {
        let (_, m) = mentions("The North Korean leader met Vietnamese officials.")
        #expect(m.contains { $0.0 == "PRK" && $0.2 == .demonym } && m.contains { $0.0 == "VNM" && $0.2 == .demonym })
    }

    @Test("persons absent from the gazetteer are found from their titles and become entities")
    func titledPersons() throws {
        let (c, m) = mentions("Belgian Prime Minister Alexander De Croo met President of France Emmanuel Macron. Deputy Prime Minister Tran Hong Ha spoke. Tổng thống Pháp Emmanuel Macron phát biểu.")
        let found = m.filter { $0.2 == .titled }
        #expect(Set(found.map(\.1)) == ["Alexander De Croo", "Emmanuel Macron", "Tran Hong Ha"])
        let macron = try #require(c.entities.first { $0.name == "Emmanuel Macron" })
        #expect(macron.discovered && macron.country == "FRA" && macron.offices.first?.level == .headOfState)
        #expect(c.entities.first { $0.name == "Alexander De Croo" }?.country == "BEL")
        #expect(c.entities.first { $0.name == "Tran Hong Ha" }?.offices.first?.level == .deputyHeadOfGovernment)
        // One entity, however often named.
        #expect(c.entities.filter { $0.name == "Emmanuel Macron" }.count == 1)
        #expect(c.entities(named: "emmanuel macron").count == 1)
    }

    @Test("a title followed by an institution does not make a person of the institution")
    func titleWithBody() {
        let (_, m) = mentions("Kim Jong Un, General Secretary of the Workers’ Party of Korea and President of the State Affairs Commission, spoke.")
        #expect(m.filter { $0.2 == .titled }.isEmpty)
    }

    @Test("short references resolve to the person named earlier in the same document")
    func shortReferences() {
        let (_, m) = mentions("Party General Secretary Tô Lâm held talks with Kim Jong Un. Party chief Lâm thanked Kim. Kim Il Sung was recalled; Kim was a founder.")
        let shorts = m.filter { $0.2 == .short }.map { "\($0.1)=\($0.0)" }
        #expect(shorts == ["Lâm=to-lam", "Kim=kim-jong-un", "Kim=kim-il-sung"])
    }

    @Test("a short form never introduced in the document is not guessed")
    func shortWithoutContext() {
        let (_, m) = mentions("Kim said the talks were useful.", date: "2025-10-09")
        #expect(m.isEmpty)
    }

    @Test("one-word names in Vietnamese must agree on diacritics: Bí (of Tổng Bí thư) is not Bỉ (Belgium)")
    func vietnameseDiacritics() {
        let (_, m) = mentions("Tổng Bí thư Tô Lâm tiếp Đại sứ Bỉ. Trong năm nay, ông Lâm thăm Pháp.")
        #expect(m.filter { $0.0 == "BEL" }.map(\.1) == ["Bỉ"])
        #expect(!m.contains { $0.1 == "Bí" || $0.1 == "Trong" })
        #expect(m.contains { $0.0 == "FRA" })
    }

    @Test("small places with one-word names are not matched (\"Victoria\"), dates are not names (\"May\")")
    func smallPlaces() {
        let (_, m) = mentions("Victoria said that in May 2024 Hanoi grew.")
        #expect(m.map(\.0) == ["geonames:1581130"])
    }

    @Test("a full name two persons share is the one in office at the sentence's time, else at the publication's")
    func sharedNameByOffice() {
        func named(_ text: String, date: String) -> [String] {
            let c = Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
            return c.documents[0].mentions.map { c.entities[$0.entity].id }.filter { $0.hasPrefix("george") }
        }
        #expect(named("President George Bush flew to Tokyo on 24 February 1989.", date: "2019-05-02") == ["george-h-w-bush"])
        #expect(named("President George Bush flew to Tokyo on 24 February 2003.", date: "2019-05-02") == ["george-w-bush"])
        #expect(named("President George Bush flew to Tokyo on Friday.", date: "1990-05-02") == ["george-h-w-bush"])
        #expect(named("President George Bush flew to Tokyo on Friday.", date: "2004-05-02") == ["george-w-bush"])
    }
}
