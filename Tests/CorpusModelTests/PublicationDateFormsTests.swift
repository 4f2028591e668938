import Foundation
import Testing
@testable import CorpusModel

/// Header forms read since issue 9's metadata point: labelled header lines (rule meta.header-label), agency
/// datelines with the date after the brackets, a date in the file name (meta.file-name-date) and a year inferred
/// for a yearless text (meta.year-inference). Every text here is made up for the test.
@Suite("Publication date: labelled header lines, agency datelines, file names, inferred years")
struct PublicationDateFormsTests {
    static let body = PublicationDateTests.body

    static func build(_ text: String, file: String = "p.txt", entry: ManifestEntry? = nil,
                      gazetteer: Gazetteer = Fixtures.gazetteer) -> (Document, [String]) {
        PublicationDateTests.build(text, file: file, entry: entry, gazetteer: gazetteer)
    }

    @Test("a dated line with a section, outlet, place or series label after the headline gives the date (meta.header-label)", arguments: [
        ("Analysis | 7 March 2025", "2025-03-07"),
        ("Opinion | Published: 7 December 2020", "2020-12-07"),
        ("24/06/2019 | Nhân Dân điện tử", "2019-06-24"),
        ("Tuổi Trẻ - 04/05/2025", "2025-05-04"),
        ("Hanoi Times - Aug 5, 2024", "2024-08-05"),
        ("Chủ nhật, 10/9/2023 - giờ Hà Nội", "2023-09-10"),
        ("Bình luận - Đăng ngày 14/11/2024", "2024-11-14"),
        ("Hà Nội, ngày 27 tháng 2 năm 2024", "2024-02-27"),
        ("From our archive series, June 23, 2023", "2023-06-23"),
    ])
    func labelledLine(_ line: String, _ expected: String) {
        let (doc, _) = Self.build("Harbour talks resume\n\n\(line)\n\n" + Self.body)
        #expect(doc.date?.iso == expected, "\(line) gave \(doc.date?.iso ?? "none")")
        #expect(doc.dateSource == .text)
        #expect(doc.anchorDate == nil, "a label's date is the page's, not an archive date")
        #expect(doc.title == "Harbour talks resume")
        #expect(doc.sentences.count == 2, "the labelled line is not read as a sentence")
    }

    @Test("a sentence with a date, a label with a date of a month only, or a labelled first line is no labelled header line", arguments: [
        "By then, on 3 May 2019, the talks had resumed.",
        "Talks resumed in Hanoi - 3 May 2019, the ministry said.",
        "Analysis | March 2025",
        "The ministers of the two countries met again - 3 May 2019",
    ])
    func notALabelledLine(_ line: String) {
        let (doc, notes) = Self.build("Harbour talks resume\n\n\(line)\n\n" + Self.body)
        #expect(doc.date == nil, "\(line) gave \(doc.date?.iso ?? "")")
        #expect(notes.contains { $0.contains("no publication date found") })
    }

    @Test("a labelled line that opens the text is its headline, not a header line")
    func labelledHeadline() {
        let (doc, _) = Self.build("Harbour talks resume - 3 May 2019\n\n" + Self.body)
        #expect(doc.title == "Harbour talks resume")
        #expect(doc.date?.iso == "2019-05-03")
    }

    @Test("header lines with trailing material: an outlet with a bracketed edition after a published first line, an update note with its time zone, a dateline with its country and a colon, a correction note, Vietnamese month words", arguments: [
        ("Published: 2 April 2018 | Harbour Tribune Paris (English edition)\n\nHarbour talks resume\n\n", "2018-04-02", "Harbour talks resume"),
        ("Harbour talks resume\n\nMonday, 14 November 2022 · Updated continuously (all times WITA, UTC+8)\n\n", "2022-11-14", "Harbour talks resume"),
        ("Harbour talks resume\n\nThứ Hai, 23 Tháng Chín 2024\n\n", "2024-09-23", "Harbour talks resume"),
        ("ULAANBAATAR, Mongolia — Sept. 3, 2024: ", "2024-09-03", nil),
        ("CORRECTION, May 24, 2023: ", "2023-05-24", nil),
    ] as [(String, String, String?)])
    func trailingMaterial(_ header: String, _ expected: String, _ title: String?) {
        let (doc, _) = Self.build(header + Self.body)
        #expect(doc.date?.iso == expected, "\(header) gave \(doc.date?.iso ?? "none")")
        if let title { #expect(doc.title == title) }
        #expect(doc.place == nil || doc.place == "Ulaanbaatar, Mongolia", "a correction note names no place: \(doc.place ?? "")")
    }

    @Test("an archive header keeps its date as the story's time; a series label does not", arguments: [
        ("From the archive, 9 May 1980", nil, "1980-05-09"),
        ("From the archive: first published 5 June 1961", nil, "1961-06-05"),
        ("From our archive series, June 23, 2023", "2023-06-23", nil),
    ] as [(String, String?, String?)])
    func archiveAnchor(_ line: String, _ page: String?, _ anchor: String?) {
        let (doc, _) = Self.build("Harbour talks resume\n\n\(line)\n\n" + Self.body)
        #expect(doc.date?.iso == page)
        #expect(doc.anchorDate?.iso == anchor)
    }

    @Test("a dateline with the agency before the date, or a place with a name particle, gives date and place", arguments: [
        ("New Delhi (TTXVN) 30/7/2024 - Tối 30/7, Thủ tướng đã tới sân bay.", "2024-07-30", "New Delhi"),
        ("Rio de Janeiro, 6/7/2025 (TTXVN) - Ngày 6/7, Thủ tướng dự hội nghị.", "2025-07-06", "Rio de Janeiro"),
        ("Santiago de Chile, 10/11/2024 (TTXVN) - Chiều 9/11, đoàn đã tới.", "2024-11-10", "Santiago de Chile"),
    ])
    func agencyDateline(_ line: String, _ expected: String, _ place: String) {
        let (doc, _) = Self.build("Thủ tướng tới thủ đô\n\n\(line)\n")
        #expect(doc.date?.iso == expected)
        #expect(doc.place == place)
    }

    @Test("brackets after a place that hold no agency, or no date after an agency, are no dated dateline")
    func notAgencyDateline() {
        let (doc, _) = Self.build("Harbour talks resume\n\nNew Delhi (India) 30 ministers met today - the talks resumed.\n")
        #expect(doc.date == nil)
    }

    @Test("a date in the file name dates a text that gives none; a header date and a manifest date win (meta.file-name-date)")
    func fileNameDate() {
        let (named, _) = Self.build("Harbour talks resume\n\n" + Self.body, file: "2015-07-25-nairobi-talks.txt")
        #expect(named.date?.iso == "2015-07-25" && named.dateSource == .fileName)
        let (compact, _) = Self.build("Harbour talks resume\n\n" + Self.body, file: "wire-20150725-nairobi.txt")
        #expect(compact.date?.iso == "2015-07-25")
        let (header, _) = Self.build("Harbour talks resume\nPublished: 3 May 2019\n" + Self.body, file: "2015-07-25-nairobi-talks.txt")
        #expect(header.date?.iso == "2019-05-03" && header.dateSource == .text)
        let (manifest, _) = Self.build("Harbour talks resume\n\n" + Self.body, file: "2015-07-25-nairobi-talks.txt",
                                       entry: ManifestEntry(file: "2015-07-25-nairobi-talks.txt", date: PartialDate(iso: "2016-01-02")))
        #expect(manifest.date?.iso == "2016-01-02" && manifest.dateSource == .manifest)
        let (numbers, _) = Self.build("Harbour talks resume\n\n" + Self.body, file: "report-1971-khrushchev-77.txt")
        #expect(numbers.date == nil)
    }

    @Test("a yearless dateline takes the one year its titled persons' offices and the lead's weekday leave (meta.year-inference)", arguments: [
        ("HANOI, Oct 19 (Reuters) - Japanese Prime Minister Yoshihide Suga held talks in Hanoi on Monday.", "2020-10-19"),
        ("WASHINGTON, May 16 (Reuters) - President Joe Biden on Tuesday cut two stops from his trip.", "2023-05-16"),
        // A person named with the title of a year the sentence writes is no evidence of the text's year.
        ("WASHINGTON, May 16 (Reuters) - President Joe Biden on Tuesday cut two stops from his trip. President Barack Obama made the same trip in May 2014.", "2023-05-16"),
    ])
    func inferredYear(_ lead: String, _ expected: String) {
        let (doc, notes) = Self.build("Leader's trip\n\n\(lead)\n", gazetteer: Fixtures.fullGazetteer)
        #expect(doc.date?.iso == expected)
        #expect(doc.dateSource == .inferred)
        #expect(notes.contains { $0.contains("inferred year") && $0.contains(Rule.metaYearInference.id) })
    }

    @Test("no year is inferred when the evidence leaves several, names a former office holder, or the text gives its year", arguments: [
        // Obama's terms hold two years where October 4 is a Thursday or a Friday.
        ("WASHINGTON, Oct 4 (Reuters) - President Barack Obama called off his trip, the White House said on Thursday.", nil),
        // A former president is no evidence, and a weekday alone leaves a year every few years.
        ("WASHINGTON, May 16 (Reuters) - Former President Barack Obama spoke on Tuesday.", nil),
        // An explicit year wins.
        ("WASHINGTON, May 16, 2021 (Reuters) - President Joe Biden on Tuesday cut two stops from his trip.", "2021-05-16"),
    ] as [(String, String?)])
    func noInferredYear(_ lead: String, _ expected: String?) {
        let (doc, notes) = Self.build("Leader's trip\n\n\(lead)\n", gazetteer: Fixtures.fullGazetteer)
        #expect(doc.date?.iso == expected)
        #expect(doc.dateSource != .inferred)
        if expected == nil { #expect(notes.contains { $0.contains("no publication date found") }) }
    }

    @Test("a Vietnamese long date is read after 'ngày' or with its year; '3 tháng' alone is three months", arguments: [
        ("Hội nghị họp ngày 27 tháng 2 năm 2024 tại Hà Nội.", ["27 tháng 2 năm 2024=2024-02-27"]),
        ("Hội nghị họp ngày 27 tháng 2 tại Hà Nội.", ["27 tháng 2=2024-02-27"]),
        // No day: "tháng 2" stays the month it was read as before.
        ("Sau 3 tháng 2 bên đã ký hiệp định.", ["tháng 2=2024-02"]),
    ])
    func vietnameseLongDate(_ text: String, _ expected: [String]) {
        #expect(Fixtures.timeStrings(text, date: "2024-06-15") == expected)
    }

    @Test("'later this week' starts after the reference day, 'earlier this week' ends before it")
    func partsOfThisWeek() {
        let times = Fixtures.timeStrings("He travels to Germany later this week. He was in Spain earlier this week.", date: "2025-02-11")
        #expect(times == ["later this week=2025-02-12", "earlier this week=2025-02-10"])
    }

    @Test("bad input still gives a document and a note")
    func badInput() {
        let (doc, notes) = Self.build("Analysis |\n\n| 99/99/2024 |\n\nHANOI, Feb 30 (Reuters) - \n", gazetteer: Fixtures.fullGazetteer)
        #expect(doc.date == nil)
        #expect(!notes.isEmpty)
    }
}

/// Status and time read in a newly dated text (issue 9, metadata): rows an undated text hid.
@Suite("Publication date: status and weekdays in texts dated since")
struct NewlyDatedStatusTests {
    static func visits(_ text: String) -> [Visit] {
        let entry = ManifestEntry(file: "w.txt", date: PartialDate(iso: "2023-05-16"))
        return CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("w.txt", text, entry)]).0.visits
    }

    @Test("a visit verb after 'trước khi' ('before') is in the time of the predicate it follows, read past a long name")
    func chainedByOrder() {
        let entry = ManifestEntry(file: "v.txt", date: PartialDate(iso: "2024-10-27"))
        let text = "Thủ tướng tới Abu Dhabi\n\nSau UAE, Thủ tướng Phạm Minh Chính sẽ tới Riyadh dự Hội nghị Sáng kiến Đầu tư Tương lai "
            + "lần thứ 8 (FII8) và thăm làm việc Saudi Arabia, trước khi thăm chính thức Qatar, chặng cuối của hành trình.\n"
        let visits = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("v.txt", text, entry)]).0.visits
        #expect(visits.contains { $0.destination == "QAT" && $0.status == .planned })
        let after = "Thủ tướng thăm Mỹ\n\nĐây lẽ ra là lần thứ hai Thủ tướng Nguyễn Xuân Phúc tới Mỹ trên cương vị Thủ tướng, "
            + "sau chuyến thăm chính thức Mỹ hồi cuối tháng 5/2017.\n"
        let past = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("w.txt", after, entry)]).0.visits
        #expect(past.contains { $0.destination == "USA" && $0.start?.iso == "2017-05" && $0.status == .occurred })
    }

    @Test("names listed in the noun phrase of a trigger do not end its clause: a cancel verb before them negates it")
    func namesBeforeTriggerNoun() {
        let dropped = Self.visits("Trip\n\nPresident Joe Biden drops Papua New Guinea, Australia legs of Asia trip over debt talks.")
        #expect(dropped.contains { $0.destination == "PNG" && $0.status == .negated })
        #expect(!dropped.contains { $0.destination == "PNG" && $0.status == .occurred })
        let visited = Self.visits("Trip\n\nAfter cancelling his trip to Jakarta, President Joe Biden visited Hanoi on Monday.")
        #expect(visited.contains { $0.destination == "VNM" && $0.status == .occurred })
    }

    @Test("a title after a plural marker ('nhiều đoàn bộ trưởng') is a group, not the minister named before")
    func groupTitle() {
        let named = "Bộ trưởng Công Thương Nguyễn Hồng Diên tháp tùng Thủ tướng Phạm Minh Chính thăm Saudi Arabia. "
        let group = Fixtures.visitKeys("Tin\n\n" + named + "Sau đó, nhiều đoàn bộ trưởng đã tới Doha.", date: "2024-11-14")
        #expect(!group.contains { $0.hasPrefix("nguyen-hong-dien QAT") }, "\(group)")
        let one = Fixtures.visitKeys("Tin\n\n" + named + "Sau đó, Bộ trưởng đã tới Doha.", date: "2024-11-14")
        #expect(one.contains { $0.hasPrefix("nguyen-hong-dien QAT") }, "a title alone still refers to the minister: \(one)")
    }

    @Test("'Mỹ Latinh' is Latin America, not the United States; 'Mỹ' alone is")
    func latinAmerica() {
        let region = Fixtures.visitKeys("Tin\n\nChủ tịch nước Lương Cường tới Santiago, bắt đầu chuyến công du Mỹ Latinh.", date: "2024-11-10")
        #expect(!region.contains { $0.hasPrefix("luong-cuong USA") }, "\(region)")
        let country = Fixtures.visitKeys("Tin\n\nChủ tịch nước Lương Cường bắt đầu chuyến thăm Mỹ.", date: "2024-11-10")
        #expect(country.contains { $0.hasPrefix("luong-cuong USA") }, "\(country)")
    }

    @Test("a weekday in a clause on the place a future trip goes to reads forward; 'later this week' is after today")
    func forwardReading() {
        let summit = Self.visits("Trip\n\nPresident Joe Biden will still leave on Wednesday for Hiroshima, Japan, where leaders of the "
                                 + "Group of Seven rich democracies open their annual summit on Friday.")
        #expect(summit.contains { $0.destination == "JPN" && $0.status == .planned && $0.start?.iso != "2023-05-12" })
        let later = Self.visits("Trip\n\nPresident Joe Biden arrived in Paris on Monday. He travels on to Germany later this week.")
        #expect(later.contains { $0.destination == "DEU" && $0.status == .planned })
    }
}
