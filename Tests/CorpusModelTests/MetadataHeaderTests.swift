import Foundation
import Testing
@testable import CorpusModel

/// The publication date, title and anchor date read from the header forms real pages have. Every text
/// here is made up for the test.
@Suite("Metadata headers")
struct MetadataHeaderTests {
    static let body = "The minister held talks with his counterpart on Tuesday and left for the coast the next day."

    static func document(_ text: String, entry: ManifestEntry? = nil) -> (Document, [Diagnostic]) {
        let (c, d) = CorpusBuilder(gazetteer: Fixtures.gazetteer, jobs: 1).build(texts: [("h.txt", text, entry)])
        return (c.documents[0], d)
    }

    @Test("a header line gives the publication date and is neither title nor body", arguments: [
        ("Harbour talks resume\nOctober 13, 1986|By Jane Doe\n", "1986-10-13"),
        ("Harbour talks resume\nPublished: 16 July 2005\n", "2005-07-16"),
        ("Harbour talks resume\nPublished: 16 July 2005 | Updated: 18 July 2005 09:10 BST\n", "2005-07-16"),
        ("Harbour talks resume\nUpdated 18 July 2005\nPublished 16 July 2005\n", "2005-07-16"),
        ("Harbour talks resume\nCập nhật: 08:30 ngày 12/05/2023\n", "2023-05-12"),
        ("Harbour talks resume\n2019/7/16 22:41\n", "2019-07-16"),
        ("Harbour talks resume\n2019-07-16\n", "2019-07-16"),
        ("Harbour talks resume\nMonday, June 3, 2019\n", "2019-06-03"),
        ("Harbour talks resume\nBy Anna Smith, 3 March 2015\n", "2015-03-03"),
        ("Harbour talks resume\nBy Anna Smith | March 3, 2015\n", "2015-03-03"),
        ("Harbour talks resume\nBy Anna de la Cruz and John Roe in Lima, March 3, 2015\n", "2015-03-03"),
        ("Harbour talks resume\nThứ Ba, 12/3/2024, 09:15 (GMT+7)\n", "2024-03-12"),
        ("Harbour talks resume\n26th September 2021\n", "2021-09-26"),
        ("Harbour talks resume\nPosted on September 26th, 2021 at 10:00 am\n", "2021-09-26"),
        ("Published: 16 July 2005\nHarbour talks resume\n", "2005-07-16"),
        ("Harbour talks resume\nJune 9, 2022|By Jane Doe, Lima correspondent\n", "2022-06-09"),
        ("Harbour talks resume\nJune 9, 2022 | By Jane Doe, staff writer\n", "2022-06-09"),
        ("Harbour talks resume\nCorrection appended 10 November 2024\n", "2024-11-10"),
    ])
    func headerDate(_ header: String, _ expected: String) {
        let (doc, _) = Self.document(header + Self.body)
        #expect(doc.date?.iso == expected)
        #expect(doc.dateSource == .text)
        #expect(doc.title == "Harbour talks resume")
        // The headline and the body's sentence; the header line is neither.
        #expect(doc.sentences.count == 2)
        let headerLine = header.split(separator: "\n").first { $0 != "Harbour talks resume" }!
        #expect(doc.sentences.indices.allSatisfy { !doc.sentenceText($0).contains(headerLine) }, "a header line is not read as a sentence")
        #expect(doc.anchorDate == nil)
    }

    @Test("a title never keeps a byline or a date written on its line")
    func titleCut() {
        let (doc, _) = Self.document("Harbour talks resume | By Jane Doe | 4 May 2019\n" + Self.body)
        #expect(doc.title == "Harbour talks resume")
        #expect(doc.date?.iso == "2019-05-04")
        let (dashed, _) = Self.document("Harbour talks resume - Published: 4 May 2019\n" + Self.body)
        #expect(dashed.title == "Harbour talks resume")
    }

    @Test("a source tag followed on its line by a dated header segment dates the page; a tag alone does not")
    func sourceTagWithDate() {
        let (doc, _) = Self.document("EVENING BULLETIN - Wednesday, October 18, 2023 - Transcript\n" + Self.body)
        #expect(doc.date?.iso == "2023-10-18")
        #expect(doc.source == "Evening Bulletin")
        #expect(doc.sentences.indices.allSatisfy { !doc.sentenceText($0).contains("Transcript") })
        let (tagOnly, _) = Self.document("EVENING BULLETIN - " + Self.body)
        #expect(tagOnly.date == nil)
        #expect(tagOnly.source == "Evening Bulletin")
    }

    @Test("a byline's description of more than five words does not make a header line")
    func bylineDescriptionIsShort() {
        let line = "June 9, 2022|By Jane Doe, who covered the talks in the port city for a decade"
        let (doc, _) = Self.document("Harbour talks resume\n" + line + "\n" + Self.body)
        #expect(doc.dateSource != .text)
        #expect(doc.sentences.indices.contains { doc.sentenceText($0).contains("who covered the talks") })
    }

    @Test("a byline alone is skipped and not taken as the title")
    func bylineAlone() {
        let (doc, _) = Self.document("By Jane Doe\n" + Self.body)
        #expect(doc.title?.hasPrefix("The minister held talks") == true)
        #expect(doc.sentences.count == 1)
    }

    @Test("a line of the body that starts like a byline stays in the body")
    func byInBody() {
        let (doc, _) = Self.document("Harbour talks resume\nBy the end of May 2019 the talks had resumed in earnest.\n" + Self.body)
        #expect(doc.sentences.count == 3)
        #expect(doc.date == nil)
    }

    @Test("the URL gives the date when the text has none; the text's date comes first; the manifest's date overrides both",
          arguments: [
              ("https://news.example.com/world/2019/06/12/harbour-talks", "2019-06-12"),
              ("https://news.example.com/world/harbour-talks-20190612-story.html", "2019-06-12"),
              ("https://news.example.com/20190612/harbour-talks.html", "2019-06-12"),
              ("https://news.example.com/2019-06-12-harbour-talks", "2019-06-12"),
              ("https://news.example.com/world/2019/06/harbour-talks", "2019-06"),
          ])
    func urlDate(_ url: String, _ expected: String) {
        let (fromURL, _) = Self.document("Harbour talks resume\n" + Self.body, entry: ManifestEntry(file: "h.txt", url: url))
        #expect(fromURL.date?.iso == expected && fromURL.dateSource == .url)
        let (fromText, _) = Self.document("Harbour talks resume\nPublished: 1 May 2020\n" + Self.body,
                                          entry: ManifestEntry(file: "h.txt", url: url))
        #expect(fromText.date?.iso == "2020-05-01" && fromText.dateSource == .text)
        let (fromManifest, _) = Self.document("Harbour talks resume\nPublished: 1 May 2020\n" + Self.body,
                                              entry: ManifestEntry(file: "h.txt", date: PartialDate(iso: "2021-02-03"), url: url))
        #expect(fromManifest.date?.iso == "2021-02-03" && fromManifest.dateSource == .manifest)
    }

    @Test("digits in a URL that are no date are not read as one")
    func urlWithoutDate() {
        #expect(ManifestEntry(file: "x", url: "https://example.com/story/123456789").urlDate == nil)
        #expect(ManifestEntry(file: "x", url: "https://example.com/2019/13/40/x").urlDate == nil)
        #expect(ManifestEntry(file: "x", url: "https://2019.example.com/a").urlDate == nil)
    }

    @Test("the quick scan before the URL patterns passes every form they read and rejects names without one")
    func urlDateScan() {
        for form in ["/2019/06/12/x", "/x-20190612-y", "/20190612103015.htm", "/2019-06-12-x", "/2019_6_1", "/2019.06.12", "/1999/6/x"] {
            #expect(ManifestEntry.mayHoldDate(form), "\(form)")
            #expect(ManifestEntry.date(inURL: form) != nil, "\(form)")
        }
        for edge in ["/2099/1/", "/1800-1-1", "/x1899_1"] { #expect(ManifestEntry.mayHoldDate(edge), "\(edge)") }
        for name in ["/000001-2015-wang-yi.txt", "/story-2019", "/2019/x", "/1799/06/12", "/2100-01-01", "/12345", ""] {
            #expect(!ManifestEntry.mayHoldDate(name), "\(name)")
            #expect(ManifestEntry.date(inURL: name) == nil, "\(name)")
        }
    }

    @Test("an archive reprint: the event's date is the anchor, the publication date stays the date", arguments: [
        ("Harbour talks, 1963\nFrom the archive: 27 June 1963\n", "1963-06-27", AnchorSource.archiveHeader),
        ("Harbour talks, 1972\n22 February 1972: the minister begins his tour of the coast.\n", "1972-02-22", AnchorSource.opening),
        ("Harbour talks, 1960\nFrom the archive, 14 May 1960: the minister arrived at the harbour.\n", "1960-05-14", AnchorSource.opening),
        ("Đàm phán cảng biển\nNgày này năm xưa: 15/8/1959, bộ trưởng đến thăm cảng.\n", "1959-08-15", AnchorSource.opening),
        ("Harbour talks\nOn this day in 1959 the minister opened the new harbour.\n", "1959-03-04", AnchorSource.onThisDay),
    ])
    func archive(_ text: String, _ anchor: String, _ source: AnchorSource) {
        let (doc, _) = Self.document(text + Self.body, entry: ManifestEntry(file: "h.txt", date: PartialDate(iso: "2013-03-04")))
        #expect(doc.date?.iso == "2013-03-04")
        #expect(doc.anchorDate?.iso == anchor)
        #expect(doc.anchorSource == source)
        let exported = Exporter.documentRecord(doc)
        #expect(exported["anchor_date"] as? String == anchor && exported["anchor_source"] as? String == source.rawValue)
    }

    @Test("relative and yearless dates of an archive text are read from its anchor")
    func anchorResolvesRelativeDates() throws {
        let text = "Harbour talks, 1963\nFrom the archive: 27 June 1963\nThe minister arrived on Tuesday and will stay until 2 July.\n"
        let (doc, _) = Self.document(text, entry: ManifestEntry(file: "h.txt", date: PartialDate(iso: "2013-03-04")))
        let years = Set(doc.times.map(\.start.year))
        #expect(years == [1963])
        let tuesday = try #require(doc.times.first { $0.relative && $0.granularity == .day && $0.start.month == 6 })
        #expect(tuesday.start.iso == "1963-06-25")
    }

    @Test("a dated opening that is not set off as a heading is no anchor")
    func noAnchor() {
        let (doc, _) = Self.document("Harbour talks\n22 February 1972 was the day the minister began his tour.\n",
                                     entry: ManifestEntry(file: "h.txt", date: PartialDate(iso: "2013-03-04")))
        #expect(doc.anchorDate == nil)
    }
}

/// Whole made-up pages: the header date is what the body's relative dates are read from.
@Suite("Metadata headers: relative dates of the body")
struct HeaderDatesInTheBodyTests {
    static func visits(_ text: String, entry: ManifestEntry? = nil) -> [String] {
        let (c, _) = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: [("page.txt", text, entry)])
        return c.visitSummaries()
    }

    @Test("a 'Published:' line dates 'on Friday'")
    func published() {
        let page = "Hu arrives for talks\nPublished: 16 July 2005 | Updated: 18 July 2005\nBy Anna Smith\n"
            + "President Hu Jintao arrived in Moscow on Friday for a three-day state visit."
        #expect(Self.visits(page) == ["Hu Jintao -> RUS 2005-07-15 occurred"])
    }

    @Test("a byline with an ordinal date dates 'yesterday'")
    func ordinalByline() {
        let page = "Chirac in Hanoi\nBy Jane Doe, 26th September 2021\nPresident Jacques Chirac arrived in Hanoi yesterday for an official visit."
        #expect(Self.visits(page).first?.hasPrefix("Jacques Chirac -> VNM 2021-09-25") == true, "\(Self.visits(page))")
    }

    @Test("a dateline with an ordinal date")
    func ordinalDateline() {
        let page = "HANOI, September 26th, 2021 — President Jacques Chirac arrived on Saturday for an official visit to Vietnam."
        #expect(Self.visits(page) == ["Jacques Chirac -> VNM 2021-09-25 occurred"])
    }

    @Test("without a date in the text, the URL's date is used")
    func urlDate() {
        let page = "Hu arrives for talks\nPresident Hu Jintao arrived in Moscow on Friday for a three-day state visit."
        let entry = ManifestEntry(file: "page.txt", url: "https://example.com/world/2005/07/16/hu-moscow")
        #expect(Self.visits(page, entry: entry) == ["Hu Jintao -> RUS 2005-07-15 occurred"])
    }
}
