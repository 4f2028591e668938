import Foundation
import Testing
@testable import CorpusModel

/// The host of a visit: the person who received the visitor, when the sentence says so (rules host.*).
@Suite("Visit hosts")
struct HostTests {
    static func hostNames(_ text: String, date: String = "2024-06-30") -> [String] {
        let c = Fixtures.corpus(text, date: date)
        return c.visits.map { v in
            "\(c.entities[v.visitor].name) -> \(v.destination): \(v.hosts.map { c.entities[$0].name }.joined(separator: ", "))"
        }
    }

    @Test("a host cue, a welcome or talks in a city name the host", arguments: [
        ("To Lam paid a state visit to the DPRK at the invitation of Kim Jong Un on October 9, 2025.",
         "Tô Lâm -> PRK: Kim Jong Un", Rule.hostCue),
        ("Vladimir Putin visited Vietnam on June 19, 2024 and held talks with Nguyen Phu Trong.",
         "Vladimir Putin -> VNM: Nguyễn Phú Trọng", .hostCue),
        ("Nguyen Phu Trong welcomed Vladimir Putin in Hanoi on June 19, 2024.",
         "Vladimir Putin -> VNM: Nguyễn Phú Trọng", .hostWelcomer),
        ("Tổng thống Vladimir Putin thăm Việt Nam ngày 19/6/2024 và hội đàm với Tổng Bí thư Nguyễn Phú Trọng.",
         "Vladimir Putin -> VNM: Nguyễn Phú Trọng", .hostCue),
        ("Kim Jong Un and Vladimir Putin held talks in Moscow on April 25, 2024.",
         "Kim Jong Un -> RUS: Vladimir Putin", .hostMeetingParticipant),
    ])
    func hostIsRead(_ text: String, _ expected: String, _ rule: Rule) throws {
        let c = Fixtures.corpus(text, date: "2025-10-20")
        #expect(Self.hostNames(text, date: "2025-10-20") == [expected])
        let v = try #require(c.visits.first)
        #expect(v.host == v.hosts.first && v.ruleSet.contains(rule))
    }

    @Test("a companion of the visitor's own country is no host; no cue, no host")
    func noHostWithoutACue() {
        #expect(Self.hostNames("To Lam visited Russia on May 8, 2025, accompanied by Pham Binh Minh.") == ["Tô Lâm -> RUS: "])
        #expect(Self.hostNames("Vladimir Putin visited Vietnam on June 19, 2024.") == ["Vladimir Putin -> VNM: "])
    }

    @Test("the other party of talks is no visitor of a later trigger, unless a relative clause makes him one")
    func otherPartyIsNoVisitor() {
        #expect(Self.hostNames("To Lam visited Russia on May 8, 2025, held talks with Vladimir Putin and then flew to Pyongyang.")
                == ["Tô Lâm -> RUS: Vladimir Putin", "Tô Lâm -> PRK: "])
        #expect(Self.hostNames("To Lam held talks with Vladimir Putin, who visited Vietnam on June 19, 2024.")
                == ["Vladimir Putin -> VNM: "])
    }

    @Test("a meeting's parties, city and date stay in the clauses a ';' bounds")
    func meetingsBySemicolonClauses() {
        #expect(Self.hostNames("At talks in Moscow on May 9, 2025, To Lam met Vladimir Putin; at talks in Pyongyang on May 12, 2025, To Lam met Kim Jong Un.")
                == ["Tô Lâm -> RUS: Vladimir Putin", "Tô Lâm -> PRK: Kim Jong Un"])
    }

    @Test("talks by phone in a city are no visit; the other party of an earlier meeting is not a subject of the next talks (rule visit.talks-in-city)")
    func talksByPhoneAndEarlierParties() {
        #expect(Self.hostNames("Tại Hà Nội, Tổng Bí thư Nguyễn Phú Trọng và Tổng thống Joe Biden điện đàm ngày 29/3/2023.").isEmpty)
        let tour = Self.hostNames("Kim Jong Un began the trip in Paris on May 2, 2024, meeting Emmanuel Macron, and then held talks in Rome with Giorgia Meloni.")
        #expect(!tour.contains { $0.hasPrefix("Emmanuel Macron") }, "\(tour)")
    }

    @Test("the speaker of a sentence about a visit is not its visitor (rule visitor.subject); 'his visit' is his")
    func speakerIsNoVisitor() {
        func visits(_ text: String) -> [String] {
            let c = Fixtures.corpus(text, date: "2017-03-02", gazetteer: Fixtures.fullGazetteer)
            return c.visits.map { "\(c.entities[$0.visitor].name) -> \($0.destination)" }
        }
        let said = visits("Quốc vương Saudi Arabia Salman đã hoãn chuyến thăm Maldives. Ngoại trưởng Maldives Mohamed Asim cho biết ngày mới cho chuyến thăm sẽ được công bố sau.")
        #expect(said.contains("Salman bin Abdulaziz Al Saud -> MDV") && !said.contains("Mohamed Asim -> SAU"), "\(said)")
        let own = visits("Indonesian President Joko Widodo said his visit to Laos in February was a success.")
        #expect(own.contains("Joko Widodo -> LAO"), "\(own)")
    }

    @Test("a person whose guest the visitor is ('as X's guest', 'at X's invitation') hosts him, and is not the 'he' of the next clause")
    func possessiveHost() {
        #expect(Self.hostNames("On May 8, 2025, To Lam was in Moscow as Vladimir Putin's guest, and on May 10, 2025 he stopped in Pyongyang.")
                == ["Tô Lâm -> RUS: Vladimir Putin", "Tô Lâm -> PRK: "])
        // Counter-example: another possessive is no cue ("Putin's spokesman").
        #expect(Self.hostNames("On May 8, 2025, To Lam was in Moscow, Vladimir Putin's spokesman said.") == ["Tô Lâm -> RUS: "])
    }

    @Test("'he' never stands for a host named before any visitor")
    func pronounIsNoHost() {
        #expect(Self.hostNames("A dinner hosted by Nguyen Phu Trong opened the day.\n\nHe then visited Russia on May 8, 2025.") == [])
    }

    @Test("merged reports list every host, the one named most often first")
    func hostsAreVoted() {
        var candidates = VisitCandidates()
        for host in [5, 7, nil, 7] {
            candidates.append(VisitCandidate(visitor: 1, visitorCountry: "VNM", destination: "RUS", city: nil, host: host,
                                             start: nil, end: nil, notBefore: nil, kind: .unspecified, status: .occurred,
                                             titleLevel: nil, mentions: [Mention(document: 0, sentence: 0)]), document: 0)
        }
        #expect(Merger.hosts(of: [0, 1, 2, 3], candidates) == [7, 5])
        #expect(Merger.hosts(of: [2], candidates) == [])
    }

    @Test("a visit's single host is a list shared by every visit with that host alone; several hosts are voted as before")
    func singleHostListsAreShared() {
        var candidates = VisitCandidates()
        for host in [5, 7, nil, 7, 5, 5] {
            candidates.append(VisitCandidate(visitor: 1, visitorCountry: "VNM", destination: "RUS", city: nil, host: host,
                                             start: nil, end: nil, notBefore: nil, kind: .unspecified, status: .occurred,
                                             titleLevel: nil, mentions: [Mention(document: 0, sentence: 0)]), document: 0)
        }
        let shared = Merger.SingleHostLists(candidates)
        let first = Merger.hosts(of: [1, 2, 3], candidates, shared: shared)
        let second = Merger.hosts(of: [3], candidates, shared: shared)
        #expect(first == [7] && second == [7])
        #expect(first.withUnsafeBufferPointer { $0.baseAddress } == second.withUnsafeBufferPointer { $0.baseAddress })
        #expect(Merger.hosts(of: [0, 1, 3, 4, 5], candidates, shared: shared) == [5, 7])
        #expect(Merger.hosts(of: [2], candidates, shared: shared) == [])
    }
}
