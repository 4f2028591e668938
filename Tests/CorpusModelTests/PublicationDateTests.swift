import Foundation
import Testing
@testable import CorpusModel

/// Where a document's date comes from when its header is not one of the plainest forms (rules meta.header-date,
/// meta.lead-reference, meta.dateline-year). Every text here is made up for the test.
@Suite("Publication date: header forms, the lead's date, yearless datelines")
struct PublicationDateTests {
    static let body = "The minister held talks with his counterpart on Tuesday and left for the coast the next day."

    /// The one document built from `text` (saved as `file`), and the build's notes.
    static func build(_ text: String, file: String = "p.txt", entry: ManifestEntry? = nil, lexicon: Lexicon = .bundled,
                      gazetteer: Gazetteer = Fixtures.gazetteer) -> (Document, [String]) {
        let (c, d) = CorpusBuilder(gazetteer: gazetteer, jobs: 1, lexicon: lexicon).build(texts: [(file, text, entry)])
        return (c.documents[0], d.map(\.message))
    }

    @Test("a header line in a form news sites use gives the date and is neither title nor body (meta.header-date)", arguments: [
        ("By a diplomatic correspondent | August 21, 2023", "2023-08-21"),
        ("By our Washington staff | Published July 25, 2024", "2024-07-25"),
        ("August 21, 2023 · By a diplomatic correspondent", "2023-08-21"),
        ("By Jane Doe — 3 May 2019", "2019-05-03"),
        ("Republished 16 May 2019", "2019-05-16"),
        ("Updated 18 July 2005", "2005-07-18"),
        ("Đăng lúc: 12/05/2023 08:30", "2023-05-12"),
        ("(Bài đăng ngày 5/11/2021)", "2021-11-05"),
        ("Thứ Hai, 01/09/2025 - 08:15", "2025-09-01"),
        ("Sunday, 13 August 2023 14:05 GMT", "2023-08-13"),
        ("Jul 16, 2019, 10:41 PM ET", "2019-07-16"),
        ("2019-07-16T22:41:00+07:00", "2019-07-16"),
        ("7/16/2019 10:00 AM", "2019-07-16"),
        ("Posted: 16.07.2005, 10:30 CEST", "2005-07-16"),
        ("Seoul, 24 August 2022", "2022-08-24"),
        ("Hà Nội, 3/11/2023", "2023-11-03"),
    ])
    func headerForm(_ line: String, _ expected: String) {
        let (doc, _) = Self.build("Harbour talks resume\n\(line)\n" + Self.body)
        #expect(doc.date?.iso == expected)
        #expect(doc.dateSource == .text)
        #expect(doc.title == "Harbour talks resume")
        #expect(doc.sentences.count == 2, "the header line is not read as a sentence")
    }

    @Test("a date in a line of the body, a quoted date or a byline-like sentence is no publication date", arguments: [
        "The talks of 3 May 2019 were the first in a decade.",
        "\"3 May 2019 will be remembered,\" the minister said.",
        "By then, on 3 May 2019, the talks had resumed.",
        "Seoul, 24 August 2022, was the day the talks resumed.",
        "The minister said on 3 May 2019 that talks would resume.",
    ])
    func notAHeader(_ line: String) {
        let (doc, notes) = Self.build("Harbour talks resume\n\(line)\n" + Self.body)
        #expect(doc.date == nil, "\(line) gave \(doc.date?.iso ?? "")")
        #expect(doc.sentences.count == 3)
        #expect(notes.contains { $0.contains("no publication date found") })
    }

    @Test("a title never keeps a byline described in words, nor its date")
    func titleCut() {
        let (doc, _) = Self.build("Harbour talks resume | By a diplomatic correspondent | August 21, 2023\n" + Self.body)
        #expect(doc.title == "Harbour talks resume")
        #expect(doc.date?.iso == "2023-08-21")
    }

    @Test("a republished date is the page's; a published date beside it is the original's, the archive anchor", arguments: [
        ("Published 3 November 1966; reprinted 3 November 2016", "2016-11-03", "1966-11-03"),
        ("From the archive, 19 April 1955 — republished 18 April 2025", "2025-04-18", "1955-04-19"),
    ])
    func republished(_ line: String, _ page: String, _ anchor: String) {
        let (doc, _) = Self.build("Harbour talks resume\n\(line)\n" + Self.body)
        #expect(doc.date?.iso == page)
        #expect(doc.anchorDate?.iso == anchor && doc.anchorSource == .archiveHeader)
    }

    @Test("a report whose page gives no date is read from the full date its lead opens with (meta.lead-reference)", arguments: [
        ("Lễ đón Tổng thống\n\nSáng 1/9/2025, tại Phủ Chủ tịch, Chủ tịch nước chủ trì lễ đón Tổng thống.\n", "2025-09-01"),
        ("Thủ tướng về đến Hà Nội\n\nRạng sáng 23/11/2024, Thủ tướng đã về đến sân bay Nội Bài.\n", "2024-11-23"),
        ("Tổng Bí thư đến La Habana\n\nLa Habana (TTXVN) - Tối 28/3/2018, Tổng Bí thư đã tới sân bay.\n", "2018-03-28"),
        ("Harbour talks resume\n\nOn 3 March 2015, the minister held talks with his counterpart.\n", "2015-03-03"),
        // An attribution up to its comma may open the lead (attribution-openers).
        ("Thủ tướng đến Auckland\n\nAuckland (TTXVN) - Theo phóng viên TTXVN, tối 9/3/2024, Thủ tướng đã tới Auckland.\n", "2024-03-09"),
        ("Harbour talks resume\n\nAccording to our correspondent, on 3 March 2015, the minister held talks.\n", "2015-03-03"),
    ])
    func leadDate(_ text: String, _ expected: String) {
        let (doc, notes) = Self.build(text + "The minister left for the coast on Tuesday.")
        #expect(doc.date?.iso == expected)
        #expect(doc.dateSource == .lead)
        #expect(notes.contains { $0.contains("reference date \(expected) from the lead (rule meta.lead-reference") }, "\(notes)")
        #expect(!notes.contains { $0.contains("no publication date found") })
        // "on Tuesday" is read from it: the Tuesday on or before the lead's date.
        let tuesday = doc.times.first { $0.relative && $0.start.day != nil }
        #expect(tuesday.flatMap { $0.start.weekday } == 2)
        #expect(tuesday.map { $0.start.dayRange.lowerBound - PartialDate(iso: expected)!.dayRange.lowerBound }.map { (-6...0).contains($0) } == true)
    }

    @Test("no lead date for a piece written after the fact, a date deeper in the lead, or a page with a date of its own", arguments: [
        "Analysis: harbour talks resume\n\nOn 3 March 2015, the minister held talks with his counterpart.\n",
        "Bình luận: Thủ tướng về Hà Nội\n\nRạng sáng 23/11/2024, Thủ tướng đã về đến sân bay Nội Bài.\n",
        "The harbour treaty's 60th anniversary\n\nOn 3 March 1965, the minister signed the harbour treaty.\n",
        "From the archive: harbour talks\n\nOn 3 March 1965, the minister held talks with his counterpart.\n",
        "Harbour talks resume\n\nOn 3 March 1965, the minister signed the treaty. It was renewed on 3 March 2015.\n",
        "Harbour talks resume\n\nThe minister, who first came on 3 March 2015, held talks with his counterpart.\n",
        "Harbour talks resume\n\nAccording to the minister, who first came on 3 March 2015, talks went well.\n",
    ])
    func noLeadDate(_ text: String) {
        let (doc, _) = Self.build(text)
        #expect(doc.dateSource != .lead, "\(text) took \(doc.date?.iso ?? "")")
    }

    @Test("the page's own date and the manifest's come before the lead's")
    func precedence() {
        let text = "Harbour talks resume\nPublished: 4 March 2015\nOn 3 March 2015, the minister held talks with his counterpart.\n"
        let (fromHeader, _) = Self.build(text)
        #expect(fromHeader.date?.iso == "2015-03-04" && fromHeader.dateSource == .text)
        let (fromURL, _) = Self.build("Harbour talks resume\n\nOn 3 March 2015, the minister held talks.\n",
                                      entry: ManifestEntry(file: "p.txt", url: "https://example.com/2015/03/05/harbour"))
        #expect(fromURL.date?.iso == "2015-03-05" && fromURL.dateSource == .url)
        let (fromManifest, _) = Self.build(text, entry: ManifestEntry(file: "p.txt", date: PartialDate(iso: "2015-03-06")))
        #expect(fromManifest.date?.iso == "2015-03-06" && fromManifest.dateSource == .manifest)
    }

    @Test("a yearless dateline takes its year from the lead's date, the nearest (meta.dateline-year)", arguments: [
        ("HANOI, Oct 19 (Reuters) - On 18 October 2020, the minister held talks in Hanoi.", "2020-10-19"),
        ("HANOI, Jan 1 (Reuters) - On 31 December 2019, the minister held talks in Hanoi.", "2020-01-01"),
    ])
    func datelineYear(_ text: String, _ expected: String) {
        let (doc, notes) = Self.build("Harbour talks resume\n\n" + text)
        #expect(doc.date?.iso == expected && doc.dateSource == .lead)
        #expect(notes.contains { $0.contains("reference date \(expected) from the dateline's day and the lead's date") }, "\(notes)")
    }

    @Test("a yearless dateline with nothing to give its year is not guessed, and the note says so")
    func yearlessDateline() {
        let (doc, notes) = Self.build("Harbour talks resume\n\nWASHINGTON, May 16 (Reuters) - The minister held talks on Tuesday.")
        #expect(doc.date == nil)
        #expect(doc.times.allSatisfy { !$0.relative }, "a relative date was resolved without a reference date")
        #expect(notes.contains { $0.contains("the dateline gives May 16 without a year and nothing gives the year (rule meta.dateline-year)") },
                "\(notes)")
    }

    @Test("the header's marker words are lexicon data: a marker added to a copy is read, a bad line is reported with its place")
    func markersAreData() throws {
        let dir = Fixtures.tempDir().appendingPathComponent("lexicon")
        try FileManager.default.copyItem(at: LexiconTests.bundledDir, to: dir)
        let markers = dir.appendingPathComponent("en/published-markers.tsv")
        try (String(contentsOf: markers, encoding: .utf8) + "issued\n").write(to: markers, atomically: true, encoding: .utf8)
        let fillers = dir.appendingPathComponent("en/header-fillers.tsv")
        let fillerText = try String(contentsOf: fillers, encoding: .utf8)
        try (fillerText + "local time\n").write(to: fillers, atomically: true, encoding: .utf8)
        let (lexicon, problems) = Lexicon.load(directory: dir)
        let badLine = fillerText.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(problems.map(\.description).contains { $0.contains("en/header-fillers.tsv:\(badLine):1: error: 'local time' has several words") },
                "\(problems.map(\.description))")
        let line = "Issued 16 July 2005"
        #expect(Self.build("Harbour talks resume\n\(line)\n" + Self.body, lexicon: lexicon).0.date?.iso == "2005-07-16")
        #expect(Self.build("Harbour talks resume\n\(line)\n" + Self.body).0.date == nil)
    }
}
