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
