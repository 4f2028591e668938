import Foundation
import Testing
@testable import CorpusModel

/// Coordination with the verb left out (rule visitor.gapped-conjunct): each person keeps his own place.
@Suite("Gapped coordination")
struct GappedConjunctTests {
    /// "visitor -> destination start status" of each visit, sorted.
    static func visits(_ text: String) -> [String] {
        let c = Fixtures.corpus(text, date: "2024-06-15", gazetteer: Fixtures.fullGazetteer)
        return c.visits.map { v in
            "\(c.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?") \(v.status.rawValue)"
        }.sorted()
    }

    static let jokoTokyoAnwarSeoul = ["Anwar Ibrahim -> KOR 2024-06-03 occurred", "Joko Widodo -> JPN 2024-06-03 occurred"]

    @Test("each person after 'and' or a comma with the first conjunct's preposition visits his own place", arguments: [
        "Indonesian President Joko Widodo flew to Tokyo on June 3 and Malaysian Prime Minister Anwar Ibrahim to Seoul.",
        "Indonesian President Joko Widodo flew to Tokyo on June 3, Malaysian Prime Minister Anwar Ibrahim to Seoul.",
        "Indonesian President Joko Widodo arrived in Tokyo on June 3, and Malaysian Prime Minister Anwar Ibrahim in Seoul.",
        "Indonesian President Joko Widodo visited Japan on June 3, Malaysian Prime Minister Anwar Ibrahim South Korea.",
    ])
    func gapped(_ text: String) {
        #expect(Self.visits(text) == Self.jokoTokyoAnwarSeoul)
    }

    @Test("three conjuncts: each keeps his own place")
    func threeConjuncts() {
        let text = "Indonesian President Joko Widodo flew to Tokyo on June 3, Malaysian Prime Minister Anwar Ibrahim to Seoul and Thai Prime Minister Srettha Thavisin to Beijing."
        #expect(Self.visits(text) == [
            "Anwar Ibrahim -> KOR 2024-06-03 occurred", "Joko Widodo -> JPN 2024-06-03 occurred", "Srettha Thavisin -> CHN 2024-06-03 occurred",
        ])
    }

    @Test("a planned trip's gapped conjunct is planned too")
    func planned() {
        #expect(Self.visits("Indonesian President Joko Widodo will fly to Tokyo on June 23 and Malaysian Prime Minister Anwar Ibrahim to Seoul.") == [
            "Anwar Ibrahim -> KOR 2024-06-23 planned", "Joko Widodo -> JPN 2024-06-23 planned",
        ])
    }

    @Test("no gapped visit: a met person, a verb of his own, or where one came from", arguments: [
        "Indonesian President Joko Widodo flew to Tokyo on June 3 and met Malaysian Prime Minister Anwar Ibrahim.",
        "Indonesian President Joko Widodo flew to Tokyo on June 3 and Malaysian Prime Minister Anwar Ibrahim said he was pleased.",
        "Indonesian President Joko Widodo came to Tokyo from Jakarta on June 3 and Malaysian Prime Minister Anwar Ibrahim from Kuala Lumpur.",
    ])
    func notGapped(_ text: String) {
        #expect(!Self.visits(text).contains { $0.hasPrefix("Anwar Ibrahim") })
    }
}
