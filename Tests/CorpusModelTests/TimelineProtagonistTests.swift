import Foundation
import Testing
@testable import CorpusModel

/// Timelines whose items name no one ("- Thursday, Oct. 12: Lands in Tel Aviv", "Thứ Hai, 30/9: Tới Ulaanbaatar"),
/// and shuttles between two places. Sentences written for these tests, never taken from an annotated article.
@Suite("Timelines of one protagonist, and shuttles")
struct TimelineProtagonistTests {
    func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [
            ("0.txt", text, ManifestEntry(file: "0.txt", date: PartialDate(iso: date))),
        ]).0
        return corpus.visitSummaries().sorted()
    }

    static let week = """
        Widodo's week

        Indonesian President Joko Widodo spent the week abroad. Here is the route:

        - Monday, June 3: Lands in Hanoi for talks with Prime Minister Pham Minh Chinh.
        - Tuesday, June 4: Talks in Hanoi with President Vo Van Thuong. Later that evening he is in Vientiane.
        - Wednesday, June 5: Flies on to Phnom Penh.
        """

    @Test("visitor.list-protagonist, coref.list-person, status.occurred.historic-present: a past week told in the present is the protagonist's")
    func pastWeekInThePresent() {
        let found = visits(Self.week)
        #expect(found.contains("Joko Widodo -> VNM 2024-06-03 occurred"))
        #expect(found.contains("Joko Widodo -> KHM 2024-06-05 occurred"))
        // "he" is the protagonist, not the president he met.
        #expect(found.contains { $0.hasPrefix("Joko Widodo -> LAO 2024-06") && $0.hasSuffix("occurred") })
        #expect(found.count == 3)
    }

    @Test("the same items under a date after the publication are a schedule")
    func scheduleAhead() {
        let schedule = Self.week.replacingOccurrences(of: "spent the week abroad", with: "will spend next week abroad")
            .replacingOccurrences(of: "June 3", with: "June 17").replacingOccurrences(of: "June 4", with: "June 18")
            .replacingOccurrences(of: "June 5", with: "June 19")
        let found = visits(schedule)
        #expect(found.contains("Joko Widodo -> VNM 2024-06-17 planned"))
        #expect(found.contains("Joko Widodo -> KHM 2024-06-19 planned"))
        #expect(!found.contains { $0.hasSuffix("occurred") }, "\(found)")
    }

    @Test("an item headed by the day's name and its date, with no bullet, is a list item; dated after the publication, a plan")
    func dayNameHeadings() {
        let text = """
            Lịch trình của Tổng thống Widodo

            Tổng thống Indonesia Joko Widodo sẽ có một tuần bận rộn. Dưới đây là các chặng:

            Thứ Hai, 17/6: Hội đàm tại Jakarta; cùng ngày rời Jakarta, tới Hà Nội.

            Thứ Tư, 19/6: Tới Viêng Chăn.
            """
        #expect(visits(text) == ["Joko Widodo -> LAO 2024-06-19 planned", "Joko Widodo -> VNM 2024-06-17 planned"])
    }

    @Test("a list whose items open with other persons' names is not the protagonist's")
    func othersOpenTheItems() {
        let text = """
            Leaders in Hanoi

            Indonesian President Joko Widodo spoke in Jakarta on June 1. Here is the record:

            - June 2: Malaysian Prime Minister Anwar Ibrahim arrives in Hanoi. Later the same day he is in Vientiane.
            - June 3: Flies on to Phnom Penh.
            """
        let found = visits(text)
        #expect(!found.contains { $0.hasPrefix("Joko Widodo") })
        #expect(found.contains { $0.hasPrefix("Anwar Ibrahim -> LAO") })
    }

    @Test("an item opening with a person's name after its heading's colon keeps the list from the protagonist")
    func nameAfterHeadingColon() {
        let text = """
            Các chuyến thăm Việt Nam của lãnh đạo Indonesia

            Nhân chuyến thăm sắp tới của Tổng thống Indonesia, xin điểm lại các chuyến thăm trước.

            - Năm 1985: Tổng thống Suharto thăm Việt Nam. Ông trở lại Hà Nội lần thứ hai vào năm 1990.
            """
        #expect(visits(text).contains("Suharto -> VNM 1990 occurred"), "\(visits(text))")
    }

    @Test("destination.shuttle-between: going to and fro between two places goes to both; talks between them go to neither")
    func shuttles() {
        #expect(visits("Indonesian President Joko Widodo shuttled between Hanoi and Vientiane on June 3.") == [
            "Joko Widodo -> LAO 2024-06-03 occurred", "Joko Widodo -> VNM 2024-06-03 occurred",
        ])
        #expect(visits("Indonesian President Joko Widodo flew back and forth between Hanoi and Vientiane on June 3.").count == 2)
        #expect(visits("Indonesian President Joko Widodo praised the talks between Hanoi and Vientiane on June 3.").isEmpty)
    }

    static let year = """
        A year on the road

        Indonesian President Joko Widodo travelled more than any of his predecessors. Where he went:

        - January: Davos, Switzerland, for the World Economic Forum.
        - March 31-April 3: Vientiane. Talks with the prime minister.
        - Late June: Osaka, Japan, for a summit.
        - October: Tokyo for a banquet given by Chinese President Xi Jinping on October 22, then Phnom Penh.
        """

    @Test("a year's list of trips: lines headed by a month alone or a range across months, the protagonist's stops, later legs his")
    func yearOfTrips() {
        let found = visits(Self.year, date: "2023-12-30")
        #expect(found.contains("Joko Widodo -> CHE 2023-01 occurred"), "\(found)")
        #expect(found.contains("Joko Widodo -> LAO 2023-03-31 occurred"), "\(found)")
        #expect(found.contains("Joko Widodo -> JPN 2023-06 occurred"), "\(found)")
        #expect(found.contains("Joko Widodo -> JPN 2023-10 occurred"), "\(found)")
        #expect(found.contains { $0.hasPrefix("Joko Widodo -> KHM 2023-10") }, "\(found)")
        // The person named on the way is not the one who goes on.
        #expect(!found.contains { $0.hasPrefix("Xi Jinping -> KHM") }, "\(found)")
    }

    @Test("a later list's lines are not the stops of a visitor only an earlier list named")
    func laterListKeepsNoStranger() {
        let text = """
            A year of diplomacy

            The region's leaders travelled more than ever.

            Visits received:

            - 3 March 2023: Joko Widodo pays a state visit to Laos.

            Visits made abroad:

            - 5 April 2023, Phnom Penh: talks with the king.
            """
        let found = visits(text)
        #expect(found.contains("Joko Widodo -> LAO 2023-03-03 occurred"), "\(found)")
        #expect(!found.contains { $0.contains("-> KHM") }, "\(found)")
    }

    @Test("visit.timeline-stop: an itinerary's headings of places and dates are the protagonist's stops; an agenda's days are not")
    func itineraryHeadings() {
        let itinerary = """
            Twelve days in the region

            Indonesian President Joko Widodo returned to Jakarta on Friday from his longest trip. Here are the stops.

            VIENTIANE, LAOS (3-6 June)
            Landed on the afternoon of 3 June and held talks.

            Luang Prabang and Vang Vieng, Laos (6-8 June)
            A day among the temples.

            PHNOM PENH, CAMBODIA (9-11 June)
            Talks with the prime minister.
            """
        let found = visits(itinerary)
        #expect(found.contains("Joko Widodo -> LAO 2024-06-03 occurred"), "\(found)")
        #expect(found.contains("Joko Widodo -> KHM 2024-06-09 occurred"), "\(found)")
        let agenda = """
            The week ahead

            Indonesian President Joko Widodo stays at home this week.

            TUESDAY-THURSDAY, Vientiane
            The regional summit opens.
            """
        #expect(visits(agenda).isEmpty)
    }

    @Test("visit.list-row: in a list of visits to one country, the persons opening a dated line came there; not when the line takes them elsewhere")
    func listOfVisitorsToOneCountry() {
        let text = """
            Leaders in Vientiane: who has come

            Since 2020 many leaders have come to the Lao capital, most of them by road from Bangkok. Below, the main visits.

            - 5 May 2023 - Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim walk through the old town.
            - 9 June 2023 - Joko Widodo meets Anwar Ibrahim in Jakarta.
            """
        let found = visits(text)
        #expect(found.contains("Joko Widodo -> LAO 2023-05-05 occurred"), "\(found)")
        #expect(found.contains("Anwar Ibrahim -> LAO 2023-05-05 occurred"), "\(found)")
        #expect(!found.contains { $0.contains("LAO 2023-06") }, "\(found)")
    }
}
