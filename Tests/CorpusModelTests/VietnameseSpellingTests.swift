import Foundation
import Testing
@testable import CorpusModel

/// Rule name.vietnamese-spelling: in Vietnamese text, a name of several syllables with a lower-case one in it is
/// a name only when the gazetteer writes it with those syllables (tone marks aside).
@Suite("Vietnamese names spelled as written")
struct VietnameseSpellingTests {
    @Test func syllablesSetToneMarksAsideButKeepVowelMarks() {
        #expect(VietnameseSpelling.syllables("Cộng hoà Pháp") == VietnameseSpelling.syllables("Cộng hòa Pháp"))
        #expect(VietnameseSpelling.syllables("Thuỵ Sĩ") == VietnameseSpelling.syllables("Thụy Sĩ"))
        #expect(VietnameseSpelling.syllables("Cố đô") != VietnameseSpelling.syllables("Cờ Đỏ"))
        #expect(VietnameseSpelling.syllables("Chỉ ba") != VietnameseSpelling.syllables("Chiba"))
        #expect(VietnameseSpelling.syllables("Ả-rập Xê-út") == ["ả", "rập", "xê", "út"].map { VietnameseSpelling.syllables(Substring($0))[0] })
    }

    func places(_ text: String) -> Set<String> {
        let c = Fixtures.corpus(text, date: "2023-10-25", gazetteer: Fixtures.fullGazetteer)
        return Set(c.visits.map(\.destination))
    }

    @Test func namesWrittenWithLowerCaseSyllablesStillMatch() {
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Thủ tướng Phạm Minh Chính đã thăm chính thức Cộng hoà Pháp từ ngày 22 đến 24/10/2023 theo lời mời của Thủ tướng nước này.") == ["FRA"])
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Thủ tướng Phạm Minh Chính đã thăm chính thức Liên bang Nga từ ngày 22 đến 24/10/2023 theo lời mời của Thủ tướng nước này.") == ["RUS"])
    }

    @Test func wordsThatFoldToAPlaceAreNotOne() {
        // "Chỉ ba" (only three) folds to Chiba, "Từ sân" (from the yard) to Tucson, "Tân Gia Ba ... từ" once made "Ba từ" Batu.
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Chỉ ba ngày sau khi về nước, Thủ tướng Phạm Minh Chính đã thăm chính thức Lào từ ngày 22 đến 24/10/2023.") == ["LAO"])
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Từ sân bay, Thủ tướng Phạm Minh Chính đã đến thăm chính thức Lào từ ngày 22 đến 24/10/2023.") == ["LAO"])
        #expect(!places("Hà Nội, 25/10/2023 (TTXVN) - Thủ tướng Phạm Minh Chính đã thăm chính thức Tân Gia Ba từ ngày 22 đến 24/10/2023.").contains("IDN"))
    }

    @Test func bareSyllablesSetEveryMarkAside() {
        #expect(VietnameseSpelling.bareSyllables("Đông Á") == ["dong", "a"])
        #expect(VietnameseSpelling.bareSyllables("Đà Nẵng") == VietnameseSpelling.bareSyllables("Da Nang"))
        #expect(VietnameseSpelling.hasVietnameseLetter("Đông Á") && VietnameseSpelling.hasVietnameseLetter("Nẵng"))
        #expect(!VietnameseSpelling.hasVietnameseLetter("Bali") && !VietnameseSpelling.hasVietnameseLetter("Hà Nội".prefix(2)))
    }

    @Test func aPhraseThatFoldsToAOneWordRegionIsNotIt() {
        // "Đông Á" (East Asia) folds to the key of Donga, a department of Benin; "Đà Nẵng" breaks as "Da Nang" does.
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Thủ tướng Phạm Minh Chính đã dự Hội nghị Cấp cao Đông Á tại Jakarta ngày 24/10/2023.") == ["IDN"])
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Tổng thống Lào Thongloun Sisoulith đã thăm Đà Nẵng ngày 24/10/2023.") == ["VNM"])
    }
}

/// `NameSyllables`, which takes each name apart once per document and skips names of another number of syllables,
/// answers as `VietnameseSpelling.spells` over the same names.
@Suite("Vietnamese names spelled as written, remembered per document")
struct NameSyllablesTests {
    @Test func answersAsSpellsDoes() {
        let names: [[String]] = [["Cộng hòa Pháp", "Pháp", "France"], ["Liên bang Nga", "Nga", "Russia"], ["Chiba"],
                                 ["Tucson", "Từ Sơn"], ["Ả-rập Xê-út", "Saudi Arabia"], ["Hà Nội", "Ha Noi", "Hanoi"], ["Da Nang", "Đà Nẵng"], ["Donga"], []]
        let spans = ["Cộng hoà Pháp", "cộng hòa pháp", "Liên bang Nga", "Liên Bang Nga", "Chỉ ba", "Từ sân", "Từ sơn",
                     "Ả-rập Xê-út", "Ả rập Xê út", "Ha noi", "Hà nội", "Hà nọi", "France", "Cộng  hòa Pháp", "Đà Nẵng", "Đông Á"]
        let remembered = NameSyllables()
        for _ in 0..<2 { // the second time from what was remembered
            for span in spans {
                for (entity, own) in names.enumerated() {
                    let expected = VietnameseSpelling.spells(Substring(span), oneOf: own)
                    #expect(remembered.spell(Substring(span), entity: Int32(entity)) { own } == expected, "\(span) / \(own)")
                    let alike = VietnameseSpelling.breaksAlike(Substring(span), oneOf: own)
                    #expect(remembered.breakAlike(Substring(span), entity: Int32(entity)) { own } == alike, "\(span) / \(own)")
                }
            }
        }
        #expect(remembered.spell("Cộng hoà Pháp", entity: 0) { [] })
        #expect(!remembered.spell("Chỉ ba", entity: 2) { [] })
        #expect(VietnameseSpelling.syllableCount("Ả-rập  Xê‑út ") == 4)
    }

    /// Words of Latin letters are taken apart letter by letter; the result must be Foundation's for the whole word.
    @Test func latinWordsLetterByLetterAsWhole() {
        var generator = SystemRandomNumberGenerator()
        let letters = (Array(0x41...0x7A) + Array(0xC0...0x24F) + Array(0x1E00...0x1EFF)).compactMap { Unicode.Scalar(UInt32($0)) }
        var checked = 0
        for _ in 0..<20_000 {
            var word = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...6, using: &generator) { word.append(letters.randomElement(using: &generator)!) }
            let text = Substring(String(word).precomposedStringWithCanonicalMapping)
            guard let fast = VietnameseSpelling.latinSyllable(text) else { continue }
            checked += 1
            #expect(fast == VietnameseSpelling.syllable(text) && fast.unicodeScalars.elementsEqual(VietnameseSpelling.syllable(text).unicodeScalars),
                    "\(text)")
        }
        #expect(checked > 10_000)
        for word in ["Nguyễn", "Thuỵ", "Thụy", "Đà", "Ả", "rập", "Xê", "út", "Cộng", "hoà", "İstanbul", "Łódź", "Ærø"] {
            #expect(VietnameseSpelling.latinSyllable(Substring(word)).map { Array($0.unicodeScalars) } == Array(VietnameseSpelling.syllable(Substring(word)).unicodeScalars))
        }
    }
}
