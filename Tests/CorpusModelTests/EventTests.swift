import Foundation
import Testing
@testable import CorpusModel

@Suite("Visits and other events")
struct EventTests {
    @Test("a visit: visitor, countries, city, dates, kind and level")
    func basicVisit() throws {
        let c = Fixtures.corpus("General Secretary of the Communist Party of Vietnam To Lam this morning arrived at Pyongyang for a three-day state visit to the DPRK at the invitation of Kim Jong Un.", date: "2025-10-09")
        let v = try #require(c.visits.first)
        #expect(c.visits.count == 1)
        #expect(c.entities[v.visitor].id == "to-lam" && v.visitorCountry == "VNM" && v.destination == "PRK")
        #expect(v.city.map { c.entities[$0].name } == "Pyongyang")
        #expect(v.start?.iso == "2025-10-09" && v.end?.iso == "2025-10-11")
        #expect(v.kind == .state && v.level == .headOfParty && v.status == .occurred)
        #expect(v.mentions.map(\.sentence) == [0])
    }

    @Test("the level is the office held on the visit's date, not on the article's")
    func levelAtEventDate() throws {
        let c = Fixtures.corpus("Minister of Public Security To Lam visited Russia in March 2018. To Lam paid an official visit to France in June 2024.", date: "2025-10-09")
        let levels = c.visits.map { "\($0.destination) \($0.level.rawValue)" }
        #expect(levels == ["RUS minister", "FRA head_of_state"])
    }

    @Test("kinds", arguments: [("paid a state visit to", VisitKind.state), ("paid an official visit to", .official),
                               ("officially visited", .official), ("paid a working visit to", .working), ("visited", .unspecified)])
    func kinds(_ phrase: String, _ kind: VisitKind) {
        let c = Fixtures.corpus("President Vladimir Putin \(phrase) China in May 2024.", date: "2024-06-01")
        #expect(c.visits.map(\.kind) == [kind])
    }

    @Test("status: planned, invited, negated, occurred", arguments: [
        ("Vladimir Putin will visit Vietnam in June.", VisitStatus.planned),
        ("Vladimir Putin is expected to visit China next month.", .planned),
        ("To Lam invited Vladimir Putin to visit Vietnam.", .planned),
        ("Vladimir Putin did not visit France in 2024.", .negated),
        ("Vladimir Putin has cancelled his visit to France.", .negated),
        ("Vladimir Putin visited China on Sunday.", .occurred),
        ("Tổng thống Vladimir Putin sẽ thăm Việt Nam.", .planned),
        ("Tổng thống Vladimir Putin thăm cấp Nhà nước Việt Nam ngày 19-20/6/2024.", .occurred),
    ])
    func status(_ sentence: String, _ status: VisitStatus) throws {
        let c = Fixtures.corpus(sentence, date: "2024-06-21")
        let v = try #require(c.visits.first { c.entities[$0.visitor].id == "vladimir-putin" })
        #expect(v.status == status)
    }

    @Test("a host is never the visitor; a visit to one's own country is no visit")
    func hosts() {
        let c = Fixtures.corpus("Party General Secretary Tô Lâm held talks with Kim Jong Un, General Secretary of the Workers’ Party of Korea, on Thursday during a State visit to Pyongyang.", date: "2025-10-09")
        #expect(c.visitSummaries() == ["Tô Lâm -> PRK 2025-10-09 occurred"])
    }

    @Test("lists of visits with their own dates and places")
    func lists() {
        let c = Fixtures.corpus("Over the decades, high-level visits have marked the relationship, with President Ho Chi Minh’s official visit to the DPRK in 1957, Kim Il Sung’s visit to Vietnam in 1958 and Kim Jong Un’s official visit to Hanoi in 2019.", date: "2025-10-09")
        #expect(Set(c.visitSummaries()) == ["Hồ Chí Minh -> PRK 1957 occurred", "Kim Il Sung -> VNM 1958 occurred", "Kim Jong Un -> VNM 2019 occurred"])
    }

    @Test("merge: the same visit in two articles, announced then done, is one event that occurred")
    func mergeAcrossArticles() throws {
        let (c, _) = Fixtures.corpus([
            ("a.txt", "Kim Jong-un will pay an official visit to Vietnam in the coming days.", "2019-02-23"),
            ("b.txt", "Chairman Kim Jong Un’s official visit to Hanoi in 2019 was a milestone.", "2025-10-09"),
            ("c.txt", "Kim Jong Un visited Vietnam again in November 2020.", "2021-01-01"),
        ])
        #expect(c.visits.count == 2)
        let v = try #require(c.visits.first)
        #expect(v.status == .occurred && v.start?.iso == "2019-02" && v.kind == .official)
        #expect(v.mentions.map(\.document) == [0, 1])
        #expect(c.timeline.filter { $0.kind == .visit }.count == 2)
    }

    @Test("merge within one article: a later 'the visit' is a mention of the same event")
    func mergeWithinArticle() throws {
        let c = Fixtures.corpus("Vladimir Putin paid a state visit to Vietnam on June 19, 2024. The visit deepened ties. Ambassador Nguyen Van A described the visit as historic.", date: "2024-06-20")
        #expect(c.visits.count == 1)
        #expect(c.visits.first?.mentions.map(\.sentence) == [0, 1, 2])
    }

    @Test("'later' dates a visit after the sentence's date")
    func later() {
        let (c, _) = Fixtures.corpus([
            ("a.txt", "In 1957, President Ho Chi Minh visited North Korea and Kim Il Sung visited Vietnam later.", "2019-02-23"),
            ("b.txt", "Kim Il Sung visited Vietnam in 1958. Kim Il Sung visited Vietnam in November 1964.", "2019-02-23"),
        ])
        let kim = c.visits.filter { c.entities[$0.visitor].id == "kim-il-sung" }
        #expect(kim.map { $0.start?.iso ?? "?" } == ["1958", "1964-11"])
        #expect(kim.first?.mentions.count == 2)
    }

    @Test("establishment of relations, anniversaries, exchanges of messages, meetings")
    func otherEvents() throws {
        let c = Fixtures.corpus("""
        Việt Nam và Triều Tiên chính thức thiết lập quan hệ ngoại giao vào ngày 31/1/1950.
        The year marks the 75th anniversary of diplomatic relations between the two countries.
        Ngày 31/1, Tổng Bí thư Tô Lâm trao đổi điện mừng với Tổng Bí thư Kim Jong Un.
        Party General Secretary To Lam and President Vladimir Putin held talks in Moscow on May 10.
        """, date: "2025-10-08")
        let kinds = c.events.map(\.kind)
        #expect(kinds.contains(.relationsEstablished) && kinds.contains(.anniversary) && kinds.contains(.messageExchange) && kinds.contains(.meeting))
        let rel = try #require(c.events.first { $0.kind == .relationsEstablished })
        #expect(Set(rel.countries) == ["VNM", "PRK"] && rel.start?.iso == "1950-01-31")
        let ann = try #require(c.events.first { $0.kind == .anniversary })
        #expect(ann.ordinal == 75 && ann.label == "diplomatic relations between the two countries")
        let msg = try #require(c.events.first { $0.kind == .messageExchange })
        #expect(msg.participants.map { c.entities[$0].id } == ["to-lam", "kim-jong-un"] && msg.start?.iso == "2025-01-31")
        let meeting = try #require(c.events.first { $0.kind == .meeting })
        #expect(meeting.participants.map { c.entities[$0].id } == ["to-lam", "vladimir-putin"])
        #expect(meeting.city.map { c.entities[$0].name } == "Moscow" && meeting.start?.iso == "2025-05-10")
        // Talks held in Moscow put To Lam in Russia: a visit (Putin is at home). Nothing else is a visit.
        #expect(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" } == ["to-lam RUS 2025-05-10"])
    }

    @Test("constructions without a visit word: a guest welcomed, a gathering attended or skipped, a departure")
    func otherConstructions() {
        let c = Fixtures.corpus("""
        Party General Secretary To Lam welcomed President Vladimir Putin in Hanoi on Sunday.
        Kim Jong Un skipped the summit in Beijing this week.
        Nguyen Phu Trong attended the peace conference in Paris on Monday.
        Tô Lâm rời Hà Nội, lên đường sang Mát-xcơ-va.
        """, date: "2024-06-20")
        #expect(Set(c.visitSummaries()) == ["Vladimir Putin -> VNM 2024-06-16 occurred", "Kim Jong Un -> CHN 2024-06-17 negated",
                                            "Nguyễn Phú Trọng -> FRA 2024-06-17 occurred", "Tô Lâm -> RUS 2024-06 occurred"])
    }

    @Test("the subject of the trigger's own clause: '…, còn Chủ tịch Kim Jong Un ở lại thăm Việt Nam'")
    func clauses() {
        let c = Fixtures.corpus("Tổng thống Vladimir Putin rời Hà Nội, còn Chủ tịch Kim Jong Un ở lại thăm chính thức Việt Nam.", date: "2019-03-01")
        #expect(c.visitSummaries() == ["Kim Jong Un -> VNM 2019-03 occurred"])
    }

    @Test("Vietnamese: visitor, kind, range and destination")
    func vietnamese() throws {
        let c = Fixtures.corpus("Tổng thống Liên bang Nga Vladimir Putin thăm cấp Nhà nước Việt Nam ngày 19-20/6/2024 theo lời mời của Tổng Bí thư Nguyễn Phú Trọng.", date: "2024-06-20")
        let v = try #require(c.visits.first)
        #expect(c.visits.count == 1 && v.destination == "VNM" && v.kind == .state && v.start?.iso == "2024-06-19" && v.end?.iso == "2024-06-20")
        #expect(v.level == .headOfState)
    }

    @Test("an event keeps one mention per sentence of each document: a sentence read twice counts once, the same sentence number of the next document counts")
    func oneMentionPerSentenceOfEachDocument() throws {
        func meeting(_ sentence: Int) -> EventCandidate {
            EventCandidate(kind: .meeting, participants: [1, 2], countries: ["VNM", "JPN"], start: PartialDate(iso: "2024-05-02"),
                           status: .occurred, mention: Mention(document: 0, sentence: sentence))
        }
        var merger = EventMerger()
        merger.add(meeting(3), document: 0, position: 0)
        merger.add(meeting(3), document: 0, position: 1) // the same sentence again
        merger.add(meeting(5), document: 0, position: 2)
        merger.add(meeting(3), document: 1, position: 0) // sentence 3 of another article
        merger.add(meeting(3), document: 1, position: 1)
        let events = merger.finish()
        let event = try #require(events.first)
        #expect(events.count == 1)
        #expect(event.mentions.map { [$0.document, $0.sentence] } == [[0, 3], [0, 5], [1, 3]])
    }
}
