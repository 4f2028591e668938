import Foundation
import Testing
@testable import CorpusModel

/// A country's three-letter code names it only when written in capitals, also when another country's name folds to
/// the same key ("Nga", Russia in Vietnamese, against NGA, Nigeria's code).
@Suite("Country codes match in capitals only")
struct CountryCodeTests {
    func places(_ text: String) -> Set<String> {
        Set(Fixtures.corpus(text, date: "2023-10-25", gazetteer: Fixtures.fullGazetteer).visits.map(\.destination))
    }

    @Test func aNameSharingACodesKeyIsTheNamedCountry() {
        #expect(places("Hà Nội, 25/10/2023 (TTXVN) - Thủ tướng Phạm Minh Chính đã thăm chính thức Nga từ ngày 22 đến 24/10/2023.") == ["RUS"])
    }

    @Test func theCodeInCapitalsStillNamesItsCountry() {
        #expect(places("ABUJA, Oct 25, 2023 - Vietnamese Prime Minister Pham Minh Chinh visited NGA from October 22 to 24, 2023.") == ["NGA"])
    }
}
