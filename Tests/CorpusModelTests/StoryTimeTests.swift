import Foundation
import Testing
@testable import CorpusModel

/// The time a story is set in (rule date.archive-anchor), the dates of datelines without a year, header forms
/// and the relative days of the lexicon. Every text here is made up for the test.
@Suite("Story time: archive anchors, datelines, relative days")
struct StoryTimeTests {
    static func document(_ text: String, entry: ManifestEntry? = nil) -> Document {
        CorpusBuilder(gazetteer: Fixtures.gazetteer, jobs: 1).build(texts: [("s.txt", text, entry)]).0.documents[0]
    }

    static func visits(_ text: String, entry: ManifestEntry? = nil) -> [String] {
        let (c, _) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("page.txt", text, entry)])
        return c.visitSummaries()
    }

    static func visitRules(_ text: String) -> [[String]] {
        let (c, _) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("page.txt", text, nil)])
        return c.visits.map(\.rules)
    }

    @Test("the headline's archive marker and date anchor the story", arguments: [
        ("From the archive, 20 November 1977: the minister lands at the harbour", "1977-11-20", AnchorSource.headline),
        ("On this day: 15 September 1959 - the minister lands at the harbour", "1959-09-15", AnchorSource.headline),
        ("On this day in 1958: the minister lands at the harbour", "1958-05-13", AnchorSource.onThisDay),
        ("50 years ago today: the minister lands at the harbour", "1968-05-13", AnchorSource.yearsAgo),
        ("Fifty years ago this week — the minister lands at the harbour", "1968-05-13", AnchorSource.yearsAgo),
    ])
    func headlineAnchor(_ headline: String, _ anchor: String, _ source: AnchorSource) {
        let doc = Self.document(headline + "\nPublished: 13 May 2018\n\nThe minister arrived last night.\n")
        #expect(doc.date?.iso == "2018-05-13")
        #expect(doc.anchorDate?.iso == anchor)
        #expect(doc.anchorSource == source)
    }

    @Test("a headline that only opens with a number of years is no anchor")
    func yearsAgoNeedsAHeading() {
        let doc = Self.document("50 years ago the harbour was built\nPublished: 13 May 2018\n\nThe minister arrived last night.\n")
        #expect(doc.anchorDate == nil)
    }

    @Test("a marker without a date takes the lead's first full date")
    func leadDate() {
        let doc = Self.document("Ngày này năm xưa: Bộ trưởng đến cảng\nThứ Sáu, 25/7/2025, 06:00 (GMT+7)\n\n"
                                + "Ngày 25/7/1957, bộ trưởng đến cảng, bắt đầu chuyến thăm kéo dài từ ngày 25/7 đến 1/8.\n")
        #expect(doc.date?.iso == "2025-07-25")
        #expect(doc.anchorDate?.iso == "1957-07-25" && doc.anchorSource == .lead)
        #expect(doc.times.allSatisfy { $0.start.year == 1957 }, "\(doc.times.map(\.start.iso))")
    }

    @Test("relative days of a reprint are read from its anchor: 'last night', 'On Wednesday'")
    func reprintRelativeDays() {
        let page = "From the archive, 20 November 1977: Sadat lands in Israel\nPublished: 20 November 2022\n\n"
            + "President Anwar Sadat of Egypt arrived in Israel last night.\n\nOn Wednesday President Anwar Sadat flew to Damascus.\n"
        let found = Self.visits(page)
        #expect(found.contains("Anwar Sadat -> ISR 1977-11-19 occurred"), "\(found)")
        #expect(found.contains("Anwar Sadat -> SYR 1977-11-16 occurred"), "\(found)")
        #expect(Self.visitRules(page).allSatisfy { $0.contains("date.archive-anchor") })
    }

    @Test("an editor's introduction keeps the page's date; the reprint under its dateline takes the dateline's")
    func reprintDateline() {
        let page = "From the archive, 26 October 1989: Gorbachev in Helsinki\nSat 26 Oct 2019 05.30 BST\n\n"
            + "President Emmanuel Macron arrives in Finland on Monday.\n\n---\n\nHELSINKI, 25 October\n\n"
            + "President Mikhail Gorbachev arrived in Finland this morning for a three-day state visit.\n"
        let doc = Self.document(page)
        #expect(doc.date?.iso == "2019-10-26")
        let found = Self.visits(page)
        #expect(found.contains { $0.hasPrefix("Mikhail Gorbachev -> FIN 1989-10-25") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("Emmanuel Macron -> FIN 2019-10") }, "\(found)")
        // The dateline is not read as a sentence.
        let utf8 = Array(doc.text.utf8)
        #expect(!doc.sentences.contains { String(decoding: utf8[$0.range], as: UTF8.self).hasPrefix("HELSINKI") })
    }

    @Test("a dateline with a weekday is the last such day on or before the anchor")
    func weekdayDateline() {
        let page = "From the archive, 1 November 1973: Whitlam in Peking\n\n"
            + "PEKING, Wednesday. - Prime Minister Gough Whitlam arrived in China this afternoon.\n"
        let found = Self.visits(page)
        #expect(found.contains("Gough Whitlam -> CHN 1973-10-31 occurred"), "\(found)")
    }

    @Test("a retrospective's future tense speaks from the publication date; its 'would' does not")
    func retrospectiveFuture() {
        let page = "On this day in 1958: the vice-president in Lima\nPublished: 13 May 2018\n\n"
            + "On 8 May Vice-President Richard Nixon arrived in Lima, although crowds would block his car.\n\n"
            + "President Emmanuel Macron will visit Peru next month.\n"
        let found = Self.visits(page)
        #expect(found.contains { $0.hasPrefix("Richard Nixon -> PER 1958-05-08") }, "\(found)")
        #expect(found.contains("Emmanuel Macron -> PER 2018-06 planned"), "\(found)")
    }

    @Test("a visit after an archive story's date, before the page's, is not planned")
    func laterInTheStoryIsNotPlanned() {
        let page = "On this day in 1958: the vice-president in Lima\nPublished: 13 May 2018\n\n"
            + "In 1960 President Dwight Eisenhower travelled to Brazil.\n"
        #expect(Self.visits(page) == ["Dwight D. Eisenhower -> BRA 1960 occurred"])
    }

    @Test("header forms: a clock with a dot, a byline after a bar without 'By'", arguments: [
        ("Tue 22 Feb 2022 04.30 GMT", "2022-02-22"),
        ("Wed 1 Nov 2023 05.00 AEDT", "2023-11-01"),
        ("04/11/2024 07:30 | Nguyễn Hoàng Long", "2024-11-04"),
    ])
    func headerForms(_ line: String, _ expected: String) {
        let doc = Self.document("Harbour talks resume\n" + line + "\n\nThe minister held talks on Tuesday.\n")
        #expect(doc.date?.iso == expected)
        #expect(doc.sentences.count == 2)
    }

    @Test("a URL with a time stamp after the date")
    func urlTimeStamp() {
        let entry = ManifestEntry(file: "x", url: "https://news.example.vn/chinh-tri/le-don-20240112103015.htm")
        #expect(entry.urlDate?.iso == "2024-01-12")
        #expect(ManifestEntry(file: "x", url: "https://news.example.vn/a-20240112109915.htm").urlDate == nil)
    }

    @Test("a dateline without a year gives the day of a date the URL gives to the month")
    func yearlessDateline() {
        let page = "Obama in Kenya\n\nNAIROBI, July 25 (Reuters) - President Barack Obama arrived in Kenya on Friday.\n"
        let entry = ManifestEntry(file: "page.txt", url: "https://example.com/world/2015/07/obama-kenya")
        let (c, _) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("page.txt", page, entry)])
        #expect(c.documents[0].date?.iso == "2015-07-25")
        #expect(c.documents[0].place == "Nairobi")
        #expect(c.visitSummaries() == ["Barack Obama -> KEN 2015-07-24 occurred"])
    }

    @Test("relative days and weeks from the lexicon", arguments: [
        ("The minister arrived last night.", "2024-06-14"),
        ("The minister arrived this morning.", "2024-06-15"),
        ("Bộ trưởng đến hôm qua.", "2024-06-14"),
        ("Bộ trưởng đến đêm qua.", "2024-06-14"),
        ("Bộ trưởng đến hôm kia.", "2024-06-13"),
        ("Bộ trưởng đến tuần trước.", "2024-06-03"),
        ("Bộ trưởng sẽ đến tuần tới.", "2024-06-17"),
    ])
    func relativeDays(_ sentence: String, _ expected: String) {
        let doc = Self.document("Harbour talks\n\n" + sentence + "\n", entry: ManifestEntry(file: "s.txt", date: PartialDate(iso: "2024-06-15")))
        #expect(doc.times.first?.start.iso == expected, "\(doc.times.map(\.start.iso))")
    }

    @Test("a timeline's heading year dates the yearless items under it, not the publication's year")
    func headingYear() {
        let page = "Visits over four decades\nPublished: 15 November 2016\n\n1976\n- 26 January: Prime Minister Pierre Trudeau arrives in Havana.\n\n"
            + "1998\n- 26 April: Prime Minister Jean Chrétien arrives in Havana.\n\nOn 15 November the prime minister met students.\n"
        let doc = Self.document(page)
        let days = doc.times.filter { $0.granularity == .day }.map(\.start.iso)
        #expect(days == ["1976-01-26", "1998-04-26", "2016-11-15"], "\(days)")
    }

    @Test("a timeline's heading line ('January 1976 - Pierre Trudeau') dates the yearless dates of the paragraph under it")
    func headingLineYear() {
        let page = "Prime ministers in Havana\n\nPublished: 15 November 2016\n\nCanadian leaders have often come to Cuba.\n\n"
            + "January 1976 - Pierre Trudeau\nTrudeau arrived in Havana on 26 January.\n"
        let found = Self.visits(page)
        #expect(found == ["Pierre Trudeau -> CUB 1976-01-26 occurred"], "\(found)")
    }

    @Test("a sentence opening with a back-reference takes the time told before, not the publication month", arguments: [
        ("The same afternoon President Joko Widodo flew on to Singapore.", "2015-03"),
        // Counted from the time told before (rule date.story-relative): to the day.
        ("Two days later President Joko Widodo flew on to Singapore.", "2015-03-05"),
        ("Cùng thời điểm, Tổng thống Joko Widodo tới Singapore.", "2015-03"),
    ])
    func backReference(_ second: String, _ date: String) {
        let page = "Jokowi's tour\n\nPresident Joko Widodo visited Malaysia on 3 March 2015.\n\n" + second + "\n"
        let entry = ManifestEntry(file: "page.txt", date: PartialDate(iso: "2021-07-08"))
        let found = Self.visits(page, entry: entry)
        #expect(found.contains("Joko Widodo -> SGP \(date) occurred"), "\(found)")
    }

    @Test("without a back-reference an undated report in the present keeps the publication month")
    func noBackReference() {
        let page = "Jokowi's tour\n\nPresident Joko Widodo visited Malaysia on 3 March 2015.\n\nPresident Joko Widodo flew on to Singapore.\n"
        let entry = ManifestEntry(file: "page.txt", date: PartialDate(iso: "2021-07-08"))
        #expect(Self.visits(page, entry: entry).contains("Joko Widodo -> SGP 2021-07 occurred"))
    }

    @Test("a time across a verb of saying dates the saying; the visit keeps a time of its own")
    func acrossSpeechVerb() {
        let entry = ManifestEntry(file: "page.txt", date: PartialDate(iso: "2019-08-21"))
        let vi = "Trump hoãn thăm\n\nTổng thống Mỹ Donald Trump tối 20/8 bất ngờ thông báo hoãn chuyến thăm cấp Nhà nước tới Đan Mạch dự kiến diễn ra ngày 2-3/9.\n"
        #expect(Self.visits(vi, entry: entry).allSatisfy { $0.hasPrefix("Donald Trump -> DNK 2019-09-02") }, "\(Self.visits(vi, entry: entry))")
        // With no other time, the only one stays.
        let only = "Trump visit\n\nPresident Donald Trump on Tuesday announced a state visit to Denmark.\n"
        #expect(Self.visits(only, entry: entry).allSatisfy { $0.hasPrefix("Donald Trump -> DNK 2019-08-20") }, "\(Self.visits(only, entry: entry))")
    }
}
