import Foundation
import Testing
@testable import CorpusModel

/// Clause structure and status: each rule on sentences written for it (never taken from an annotated
/// article), with examples that must fire and counter-examples that must not.
@Suite("Clauses, trip lists, places that go nowhere, announcements")
struct ClauseRulesTests {
    func visits(_ texts: [(String, String)]) -> [String] { Fixtures.visitSummaries(texts) }
    func visits(_ text: String, date: String = "2021-07-01") -> [String] { visits([(date, text)]) }

    @Test("destination.excluded-phrase: a place named in a relation, a stance, a newspaper or a person's name is not where the visit went",
          arguments: [
            ("Indonesian President Joko Widodo began a trip focused on talks between Pyongyang and Washington in Laos in June.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            ("Indonesian President Joko Widodo made a visit on relations with China to Laos in June.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            ("Indonesian President Joko Widodo made a visit to defend Malaysia's position on the sea in Laos in June.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            ("Indonesian President Joko Widodo gave an interview about his visit to the Washington Post in Laos in June.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            // A place naming a war or a crisis, or the honorific "Đức" before "Phật" (the Buddha), is no destination.
            ("Indonesian President Joko Widodo made his first visit since the Ukraine war to Laos in June.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            ("Tổng thống Indonesia Joko Widodo thăm Lào vào tháng 6, trong bối cảnh cuộc xung đột ở Ukraine.",
             ["Joko Widodo -> LAO 2021-06 occurred"]),
            ("Tổng thống Indonesia Joko Widodo thăm Bodh Gaya, nơi Đức Phật thành đạo, vào tháng 6.", ["Joko Widodo -> IND 2021-06 occurred"]),
            // Counter-examples: the same places gone to.
            ("Indonesian President Joko Widodo travelled to Pyongyang and Washington in June.",
             ["Joko Widodo -> PRK 2021-06 occurred", "Joko Widodo -> USA 2021-06 occurred"]),
            ("Indonesian President Joko Widodo paid a visit to China in June.", ["Joko Widodo -> CHN 2021-06 occurred"]),
          ] as [(String, [String])])
    func excludedPhrases(_ text: String, _ expected: [String]) {
        #expect(visits(text) == expected)
    }

    @Test("destination.excluded-phrase: a place's name inside the name of a sea, an ocean, a strait or a gulf is the water, not a destination",
          arguments: [
            ("Indonesian President Joko Widodo visited an island in the South China Sea in June.", []),
            ("Indonesian President Joko Widodo toured the Taiwan Strait region in March.", []),
            ("Indonesian President Joko Widodo visited ports on the Sea of Japan in May.", []),
            ("Indonesian President Joko Widodo visited ports on the Red Sea in May.", []),
            ("Indonesian President Joko Widodo visited ports along the Gulf of Thailand in April.", []),
            ("Tổng thống Indonesia Joko Widodo thăm một hòn đảo ở Ấn Độ Dương vào tháng 6.", []),
            ("Tổng thống Indonesia Joko Widodo đi thăm vùng biển Nhật Bản vào tháng 4.", []),
            // Counter-examples: the countries gone to, and a name that goes on after the word ("Dương Khiết Trì").
            ("Indonesian President Joko Widodo visited China in June.", ["Joko Widodo -> CHN 2021-06 occurred"]),
            ("Tổng thống Indonesia Joko Widodo thăm Ấn Độ vào tháng 6.", ["Joko Widodo -> IND 2021-06 occurred"]),
          ] as [(String, [String])])
    func waterNames(_ text: String, _ expected: [String]) {
        #expect(visits(text) == expected)
    }

    @Test("destination.excluded-phrase: a water word that opens a person's name after a country's is no water ('Trung Quốc Dương Khiết Trì')")
    func waterWordOpeningAName() {
        #expect(visits("Bộ trưởng Ngoại giao Trung Quốc Dương Khiết Trì thăm Lào vào tháng 6.", date: "2010-07-01")
                == ["Yang Jiechi -> LAO 2010-06 occurred"])
    }

    @Test("destination.excluded-phrase: a place right after a visit noun and 'from' is where the journey came from: no destination of the noun, no proposal for the host walking with the visitor")
    func journeyOrigin() {
        #expect(visits("February 20, 2023 - U.S. President Joe Biden arrives unannounced in Kyiv after a ten-hour train journey from Poland, walking with Ukrainian President Volodymyr Zelenskyy to a cathedral.", date: "2023-02-22")
                == ["Joe Biden -> POL 2023-02 occurred", "Joe Biden -> UKR 2023-02-20 occurred"])
        // After a verb the place proposes as any other: the traveller was there before.
        #expect(visits("Indonesian President Joko Widodo arrived in Vientiane from Bangkok on June 3.")
                .contains("Joko Widodo -> LAO 2021-06-03 occurred"))
    }

    @Test("visit.trip-list: one visit per stop, each with its own time")
    func tripLists() {
        #expect(visits("Indonesian President Joko Widodo travelled to Beijing in March, to the port city of Dalian in May and to Beijing again in June.")
                == ["Joko Widodo -> CHN 2021-03 occurred", "Joko Widodo -> CHN 2021-05 occurred", "Joko Widodo -> CHN 2021-06 occurred"])
        #expect(visits("Thủ tướng Phạm Minh Chính sang Lào vào tháng 3, tới Campuchia vào tháng 5.", date: "2023-07-01")
                == ["Phạm Minh Chính -> KHM 2023-05 occurred", "Phạm Minh Chính -> LAO 2023-03 occurred"])
        // Counter-example: a second time that is not a stop.
        #expect(visits("Indonesian President Joko Widodo travelled to Beijing in March and met the premier in May.")
                == ["Joko Widodo -> CHN 2021-03 occurred"])
    }

    @Test("date.own-clause: no time from a clause coordinated before the trigger's; a time heading the sentence dates it all")
    func ownClause() {
        #expect(visits("The summit in February ended without a deal, and Indonesian President Joko Widodo began a visit to Laos.")
                == ["Joko Widodo -> LAO 2021-07 occurred"])
        #expect(visits("The summit ended in February; Indonesian President Joko Widodo then flew to Laos on July 1.")
                == ["Joko Widodo -> LAO 2021-07-01 occurred"])
        // Counter-examples: a time heading the sentence, a time in the trigger's own clause.
        #expect(visits("In February, after the summit ended, Indonesian President Joko Widodo began a visit to Laos.")
                == ["Joko Widodo -> LAO 2021-02 occurred"])
        #expect(visits("Indonesian President Joko Widodo visited Laos in February, and the two sides signed a deal.")
                == ["Joko Widodo -> LAO 2021-02 occurred"])
    }

    @Test("merge.undated-years-apart: an undated report joins a visit only from an article of about its time")
    func undatedYearsApart() {
        let dated = ("2023-03-10", "Indonesian President Joko Widodo visited Laos on 5 March 2023.")
        let undated = "Former Indonesian President Joko Widodo was praised for his visit to Laos."
        #expect(visits([dated, ("2016-01-01", undated)]).count == 2)
        // Counter-example: the same report in an article of the same year joins the dated visit.
        #expect(visits([dated, ("2023-06-01", undated)]) == ["Joko Widodo -> LAO 2023-03-05 occurred"])
    }

    @Test("announcements, invitations, acceptances, cancellations and postponements are never occurred", arguments: [
        "Indonesian President Joko Widodo will pay an official visit to Laos at the invitation of Lao President Thongloun Sisoulith.",
        "Indonesian President Joko Widodo has accepted an invitation to visit Laos.",
        "Indonesian President Joko Widodo has received an invitation to visit Laos.",
        "Indonesian President Joko Widodo to pay state visit to Laos.",
        "Indonesian President Joko Widodo called off his trip to Laos.",
        "Indonesian President Joko Widodo's trip to Laos was put off.",
        "Indonesian President Joko Widodo will visit Laos in September, postponed from March.",
        "This is not the first time Indonesian President Joko Widodo has cancelled a trip to Laos.",
    ])
    func neverOccurred(_ text: String) {
        let found = visits(text)
        #expect(!found.isEmpty && !found.contains { $0.hasSuffix("occurred") }, "\(found)")
    }

    @Test("status.planned.infinitive and status.planned.invitation: counter-examples stay occurred", arguments: [
        "Joko Widodo became the first Indonesian president to visit Laos, in May.",
        "At the invitation of Lao President Thongloun Sisoulith, Indonesian President Joko Widodo visited Laos in May.",
        "Indonesian President Joko Widodo flew to Vientiane to visit Laos in May.",
    ])
    func stillOccurred(_ text: String) {
        #expect(visits(text).contains { $0.hasPrefix("Joko Widodo -> LAO 2021-05") && $0.hasSuffix("occurred") }, "\(visits(text))")
    }

    @Test("ordinal dates are read: '26th September 2021', 'September 26th, 2021'")
    func ordinalDates() {
        #expect(visits("Indonesian President Joko Widodo visited Laos on 26th September 2021.", date: "2021-10-01")
                == ["Joko Widodo -> LAO 2021-09-26 occurred"])
        #expect(visits("Indonesian President Joko Widodo visited Laos on September 26th, 2021.", date: "2021-10-01")
                == ["Joko Widodo -> LAO 2021-09-26 occurred"])
    }
}
