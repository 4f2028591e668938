import Foundation
import Testing
@testable import CorpusModel

/// Lists and timelines of visits (ListItems.swift): the item's date, the list's countries and person, the year
/// line above items. The articles are written for these tests.
@Suite("List items and timelines")
struct ListItemTests {
    func corpus(_ text: String, date: String) -> Corpus {
        Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
    }

    func visits(_ c: Corpus) -> [String] {
        c.visits.map { "\(c.entities[$0.visitor].name) -> \($0.destination) \($0.start?.iso ?? "?")" }.sorted()
    }

    @Test("a table of trips: a row's dates, then a cell of one place, is a stop of the protagonist (rule visit.table-row)")
    func tableRows() {
        let bars = corpus("""
            Widodo's year abroad

            Indonesian President Joko Widodo travelled widely this year. The table lists every country he visited.

             Dates      | Country    | Note
             12-14 Mar  | Laos       | state visit
             3-5 May    | Cambodia   | regional summit
            """, date: "2024-06-15")
        #expect(bars.visits.filter { $0.ruleSet.contains(.visitTableRow) }.map { "\($0.destination) \($0.start?.iso ?? "?")" }.sorted()
            == ["KHM 2024-05-03", "LAO 2024-03-12"])
        // Cells aligned by spaces, under year headings: each row takes the year above it.
        let spaced = corpus("""
            Widodo's year abroad

            Indonesian President Joko Widodo travelled widely this year. The table lists every country he visited.

            2023
            12-14 Mar     Laos        State visit
            3-5 May       Cambodia    Regional summit
            2024
            7-9 Feb       Vietnam     Official visit
            """, date: "2024-06-15")
        #expect(spaced.visits.filter { $0.ruleSet.contains(.visitTableRow) }.map { "\($0.destination) \($0.start?.iso ?? "?")" }.sorted()
            == ["KHM 2023-05-03", "LAO 2023-03-12", "VNM 2024-02-07"])
        // A row whose first cell is no place is not read as a stop.
        let other = corpus("""
            Widodo's year abroad

            Indonesian President Joko Widodo travelled widely this year.

             12-14 Mar  | Trade fair | Laos
            """, date: "2024-06-15")
        #expect(!other.visits.contains { $0.ruleSet.contains(.visitTableRow) })
    }

    @Test("an item naming no place goes to the list's country that is not the visitor's", arguments: [
        "- 12 March 2019: Jair Bolsonaro pays an official visit, his first as president.",
        "* 12 March 2019 - Jair Bolsonaro pays an official visit, his first as president.",
        "12 March 2019 – Jair Bolsonaro pays an official visit, his first as president.",
        "3. 12 March 2019: Jair Bolsonaro pays an official visit, his first as president.",
    ])
    func destinationFromTheLead(_ item: String) throws {
        let c = corpus("""
            Neighbours and rivals: thirty years of summits

            A look back at how Brazilian presidents have travelled to Argentina:

            \(item)
            """, date: "2024-05-02")
        let v = try #require(c.visits.first { c.entities[$0.visitor].name == "Jair Bolsonaro" }, "\(visits(c))")
        #expect(v.destination == "ARG" && v.start?.iso == "2019-03-12")
        #expect(v.ruleSet.contains(.destinationListContext))
    }

    @Test("the headline's pair when the lead names no country")
    func destinationFromTheHeadline() throws {
        let c = corpus("""
            When Argentina's and Brazil's presidents came calling

            Key visits since 1990:

            - May 2019 - Jair Bolsonaro pays an official visit and holds talks on trade.
            """, date: "2024-05-02")
        #expect(visits(c) == ["Jair Bolsonaro -> ARG 2019-05"])
    }

    @Test("no list country when the item names a place, or when the visitor is from neither country")
    func noListCountry() {
        let home = corpus("""
            A look back at how Brazilian presidents have travelled to Argentina:

            - 12 March 2019: Jair Bolsonaro returns to Brasília after a visit.
            """, date: "2024-05-02")
        #expect(!home.visits.contains { $0.ruleSet.contains(.destinationListContext) }, "\(visits(home))")
        let third = corpus("""
            A look back at how Brazilian presidents have travelled to Argentina:

            - 12 March 2019: Lee Hsien Loong pays an official visit.
            """, date: "2024-05-02")
        #expect(!third.visits.contains { $0.ruleSet.contains(.destinationListContext) }, "\(visits(third))")
    }

    @Test("a later sentence of an item takes the item's date")
    func dateOfTheItem() throws {
        let c = corpus("""
            Singapore and Vietnam: a timeline

            - 3 May 2011: A trade fair opens in Hanoi. Lee Hsien Loong visits Vietnam for the opening.
            """, date: "2024-05-02")
        let v = try #require(c.visits.first, "no visit")
        #expect(v.destination == "VNM" && v.start?.iso == "2011-05-03")
        #expect(v.ruleSet.contains(.dateListItem))
    }

    @Test("outside a list, a sentence without a date keeps the publication month")
    func noItemNoItemDate() throws {
        let c = corpus("""
            Singapore and Vietnam

            On 3 May 2011 a trade fair opened in Hanoi. Lee Hsien Loong visits Vietnam this week.
            """, date: "2024-05-02")
        let v = try #require(c.visits.first, "no visit")
        #expect(!v.ruleSet.contains(.dateListItem) && v.start?.year == 2024)
    }

    @Test("a year line dates the yearless items under it")
    func yearLine() {
        let c = corpus("""
            Canada and Cuba: high-level visits

            1976
            - 26 January: Pierre Trudeau arrives in Havana for a three-day visit.

            1998
            - 26 April: Fidel Castro arrives in Ottawa.
            """, date: "2016-11-15")
        #expect(visits(c) == ["Fidel Castro -> CAN 1998-04-26", "Pierre Trudeau -> CUB 1976-01-26"])
    }

    @Test("an item naming no one is a visit of the one person the lead names")
    func visitorFromTheLead() throws {
        let c = corpus("""
            The travels of a president

            Visits of President Ho Chi Minh abroad:

            - July 1955: an official visit to the Soviet Union.
            """, date: "2020-05-19")
        let v = try #require(c.visits.first, "no visit")
        #expect(c.entities[v.visitor].name == "Hồ Chí Minh" && v.destination == "SUN" && v.start?.iso == "1955-07")
        #expect(v.ruleSet.contains(.visitorListContext))
    }

    @Test("a sentence opening with a date and a comma is not a list item")
    func notAnItem() {
        let c = corpus("""
            A look back at how Brazilian presidents have travelled to Argentina:

            In May 2019, Jair Bolsonaro pays an official visit and holds talks on trade.
            """, date: "2024-05-02")
        #expect(!c.visits.contains { $0.ruleSet.contains(.destinationListContext) })
    }
}

/// A headline's opening label ("Timeline:", "ANALYSIS:", "From the archive, 1 May 1960:") is left out of the
/// document's title (TitleMarkers.swift). The headlines are written for these tests.
@Suite("Title markers")
struct TitleMarkerTests {
    @Test("the label and a date after it are left out of the title", arguments: [
        ("Timeline: Brazilian presidents in Argentina", "Brazilian presidents in Argentina"),
        ("ANALYSIS: After the summit, a cooler tone", "After the summit, a cooler tone"),
        ("OPINION | The embrace is real", "The embrace is real"),
        ("From the archive, 14 May 1960: The President lands in Paris", "The President lands in Paris"),
        ("On this day in 1958: The motorcade reaches Caracas", "The motorcade reaches Caracas"),
        ("On this day: 15 September 1959 - The premier lands in America", "The premier lands in America"),
        ("50 years ago today: the Queen arrives in Bonn", "the Queen arrives in Bonn"),
        ("Ngày này năm xưa: 27/2/1959 – Chủ tịch Hồ Chí Minh tới Jakarta", "Chủ tịch Hồ Chí Minh tới Jakarta"),
        ("Bình luận: Một thập kỷ quan hệ Việt - Mỹ", "Một thập kỷ quan hệ Việt - Mỹ"),
    ])
    func labelLeftOut(_ headline: String, _ title: String) {
        let c = Fixtures.corpus("\(headline)\n\nPresident Jair Bolsonaro visited Argentina in March 2019.\n", date: "2024-05-02")
        #expect(c.documents.first?.title == title)
    }

    @Test("a headline that only looks like a label keeps its words", arguments: [
        "Canada and Cuba: four decades of visits", "Analysis of a summit: what changed", "Timeline of a crisis",
    ])
    func noLabel(_ headline: String) {
        let c = Fixtures.corpus("\(headline)\n\nPresident Jair Bolsonaro visited Argentina in March 2019.\n", date: "2024-05-02")
        #expect(c.documents.first?.title == headline)
    }

    @Test("a caption's label is left out of the title made from its opening words")
    func captionLabel() {
        let c = Fixtures.corpus("Caption: President Jair Bolsonaro greets President Alberto Fernández in Buenos Aires on 12 March 2019.\n",
                                date: "2024-05-02")
        #expect(c.documents.first?.title?.hasPrefix("President Jair Bolsonaro greets") == true)
    }
}

extension ListItemTests {
    @Test("an item's dates written without a year are in the year the item opens with")
    func itemYear() throws {
        let c = corpus("""
            Các chuyến thăm cấp cao Việt Nam – Cuba

            - Tháng 9/2022: Thủ tướng Cuba Manuel Marrero Cruz thăm chính thức Việt Nam từ ngày 28/9 đến 2/10.
            """, date: "2025-08-30")
        let v = try #require(c.visits.first, "no visit")
        #expect(v.destination == "VNM" && v.start?.iso == "2022-09-28" && v.end?.iso == "2022-10-02", "\(visits(c))")
    }
}

extension ListItemTests {
    @Test("a row of a list of visits holding a date, a person and places is a visit", arguments: [
        "- 12 March 2019 — Nguyen Phu Trong — Beijing",
        "* 12/3/2019: Tổng Bí thư Nguyễn Phú Trọng – Bắc Kinh",
    ])
    func listRow(_ row: String) throws {
        let c = corpus("Vietnam and China: a decade of visits\n\nKey visits:\n\n\(row)\n", date: "2024-05-02")
        let v = try #require(c.visits.first, "no visit")
        #expect(v.destination == "CHN" && v.start?.iso == "2019-03-12" && v.ruleSet.contains(.visitListRow))
    }

    @Test("no row visit outside a list of visits, or when the row says more")
    func noListRow() {
        for text in ["Vietnam and China: a decade of talks\n\nKey moments:\n\n- 12 March 2019 — Nguyen Phu Trong — Beijing\n",
                     "Vietnam and China: a decade of visits\n\nKey visits:\n\n- 12 March 2019 — Nguyen Phu Trong praises Beijing\n"] {
            #expect(!corpus(text, date: "2024-05-02").visits.contains { $0.ruleSet.contains(.visitListRow) }, "\(text)")
        }
    }

    @Test("an item-shaped paragraph whose date is not read keeps the list going: the next items keep the list's person")
    func undatedItemKeepsTheList() {
        let c = corpus("""
            Jair Bolsonaro's year abroad

            Jair Bolsonaro's first year as president took him to four countries. Below, his trips in order.

            15-16 March - Chile. First foreign trip as president.

            Sometime in spring - Japan. Talks with Shinzo Abe in Tokyo.

            3-4 August - Argentina. Official visit to Buenos Aires.
            """, date: "2019-12-20")
        #expect(visits(c).contains("Jair Bolsonaro -> ARG 2019-08-03"), "\(visits(c))")
        #expect(!visits(c).contains { $0.hasPrefix("Shinzo Abe") }, "\(visits(c))")
    }

    @Test("an attendance in a list item's later sentence, with no date of its own, is of the item's date")
    func gatheringTakesTheItemDate() {
        let c = corpus("""
            Brazil at the summits

            The record of Brazilian presidents:

            25-27 November 2014 - Kathmandu. The 18th regional summit, where Jair Bolsonaro met Shinzo Abe.
            """, date: "2019-12-20")
        #expect(visits(c).contains("Shinzo Abe -> NPL 2014-11-25"), "\(visits(c))")
    }

    @Test("a timeline item's later sentence opening with named persons puts them at the heading's place, past an aside naming where one came from")
    func itemHeadingSubjects() {
        let c = corpus("""
            Where the leaders met

            The meetings of Indonesian and Indian leaders:

            June 2019 - Osaka. Indonesian President Joko Widodo and Indian Prime Minister Narendra Modi sign a trade pact.

            May 2021 - Bangkok. Indonesian President Joko Widodo, fresh from two days in Seoul, meets Indian Prime Minister Narendra Modi.
            """, date: "2024-05-02")
        let found = visits(c)
        for v in ["Joko Widodo -> JPN 2019-06", "Narendra Modi -> JPN 2019-06", "Joko Widodo -> THA 2021-05", "Narendra Modi -> THA 2021-05"] {
            #expect(found.contains(v), "\(found)")
        }
    }
}
