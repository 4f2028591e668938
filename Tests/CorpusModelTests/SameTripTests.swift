import Foundation
import Testing
@testable import CorpusModel

/// Rule merge.same-trip-in-article: a second date of one trip in one article widens the visit, it makes no new one.
@Suite("One trip, two dates")
struct SameTripTests {
    static func spans(_ text: String) -> [String] {
        let c = Fixtures.corpus(text, date: "2025-10-20")
        return c.visits.map { "\($0.destination) \($0.start?.iso ?? "?")..\($0.end?.iso ?? "") \($0.ruleSet.contains(.mergeSameTripInArticle))" }
    }

    @Test("an arrival and a later end date are one visit")
    func endDateJoinsTheTrip() {
        #expect(Self.spans("Ho Chi Minh arrived in Pyongyang on July 8, 1957 for an official visit to North Korea.\n\nDuring a visit lasting until July 12, 1957, Ho Chi Minh toured North Korea.")
                == ["PRK 1957-07-08..1957-07-12 true"])
    }

    @Test("two spans that each end, or dates weeks apart, are two visits")
    func separateTripsStayApart() {
        #expect(Self.spans("Vladimir Putin visited China from May 1 to May 3, 2024.\n\nVladimir Putin visited China again from May 12 to May 14, 2024.")
                == ["CHN 2024-05-01..2024-05-03 false", "CHN 2024-05-12..2024-05-14 false"])
        #expect(Self.spans("Vladimir Putin visited China on May 1, 2024.\n\nVladimir Putin visited China on June 20, 2024.")
                == ["CHN 2024-05-01.. false", "CHN 2024-06-20.. false"])
    }

    @Test("a postponed date and the new one differ in status: two visits")
    func statusesStayApart() {
        #expect(Self.spans("Vladimir Putin postponed his visit to China on May 1, 2024.\n\nVladimir Putin will visit China on May 10, 2024.")
                == ["CHN 2024-05-01.. false", "CHN 2024-05-10.. false"])
    }

    @Test("a later leg with no date of its own takes the month of the trip's previous visit")
    func laterLegTakesThePreviousMonth() {
        let c = Fixtures.corpus("To Lam visited Russia on May 8, 2025 before continuing to Pyongyang.", date: "2025-10-20")
        #expect(Set(c.visitSummaries()) == ["Tô Lâm -> RUS 2025-05-08 occurred", "Tô Lâm -> PRK 2025-05 occurred"])
        #expect(c.visits.first { $0.destination == "PRK" }?.ruleSet.contains(.datePreviousLeg) == true)
    }
}
