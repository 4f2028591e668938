import Foundation
import Testing
@testable import CorpusModel

/// Arrivals told without a place while a gathering is placed (rule visit.arrival-unplaced), and list items or
/// paragraphs headed by a person and a year (rule visitor.item-heading).
@Suite("Arrivals at gatherings and person-headed items")
struct ArrivalAndHeadingTests {
    /// "visitor -> destination start status" of each visit, sorted; only those made by `rule` when given.
    static func visits(_ text: String, rule: Rule? = nil) -> [String] {
        let c = Fixtures.corpus(text, date: "2024-06-15", gazetteer: Fixtures.fullGazetteer)
        return c.visits.filter { v in rule.map { v.ruleSet.contains($0) } ?? true }.map { v in
            "\(c.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?") \(v.status.rawValue)"
        }.sorted()
    }

    static let summit = "The regional summit opened in Vientiane on June 3. "

    @Test("an arrival with no place goes to the gathering placed; only those it is about arrive")
    func arrivalSubjects() {
        #expect(Self.visits(Self.summit + "Indonesian President Joko Widodo flew in on June 2 and met Malaysian Prime Minister Anwar Ibrahim.",
                            rule: .visitArrivalUnplaced) == ["Joko Widodo -> LAO 2024-06-02 occurred"])
        #expect(Self.visits(Self.summit + "Indonesian President Joko Widodo, who landed on June 2, met Malaysian Prime Minister Anwar Ibrahim.",
                            rule: .visitArrivalUnplaced) == ["Joko Widodo -> LAO 2024-06-02 occurred"])
        #expect(Self.visits(Self.summit + "From the south came Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.",
                            rule: .visitArrivalUnplaced) == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"])
        #expect(Self.visits(Self.summit + "Malaysian Prime Minister Anwar Ibrahim flew in on June 2, as did Indonesian President Joko Widodo.",
                            rule: .visitArrivalUnplaced) == ["Anwar Ibrahim -> LAO 2024-06-02 occurred", "Joko Widodo -> LAO 2024-06-02 occurred"])
    }

    @Test("the arrival's verb left out after 'and' or a comma: each person with 'from' and a place arrived too")
    func gappedArrivals() {
        let both = ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"]
        #expect(Self.visits(Self.summit + "Malaysian Prime Minister Anwar Ibrahim came from Kuala Lumpur and Indonesian President Joko Widodo from Jakarta.",
                            rule: .visitArrivalUnplaced) == both)
        #expect(Self.visits(Self.summit + "Malaysian Prime Minister Anwar Ibrahim came from Kuala Lumpur, Indonesian President Joko Widodo from Jakarta.",
                            rule: .visitArrivalUnplaced) == both)
        // Not followed by "from" and a place: no arrival of his.
        #expect(Self.visits(Self.summit + "Malaysian Prime Minister Anwar Ibrahim came from Kuala Lumpur and Indonesian President Joko Widodo stayed away.",
                            rule: .visitArrivalUnplaced) == ["Anwar Ibrahim -> LAO 2024-06-03 occurred"])
    }

    @Test("no arrival at the gathering when the clause names a place, the time is another trip's, or no gathering holds", arguments: [
        summit + "Indonesian President Joko Widodo arrived in Bangkok on June 3.",
        summit + "Indonesian President Joko Widodo arrived in March 2019 for talks.",
        summit + "Prices rose. Markets fell. Traders waited. Indonesian President Joko Widodo landed on June 3.",
        "Indonesian President Joko Widodo landed on June 3.",
    ])
    func noArrival(_ text: String) {
        #expect(Self.visits(text, rule: .visitArrivalUnplaced) == [])
    }

    @Test("a bulleted item headed by a person and a year: his stops, each with its own date")
    func bulletedHeading() {
        let text = "Indonesian presidents abroad\n\nThe record:\n\n- Joko Widodo, 2015: Laos on March 3, Cambodia on March 5 and Thailand on March 7.\n- Susilo Bambang Yudhoyono, 2010: Japan, June 3."
        #expect(Self.visits(text, rule: .visitorItemHeading) == [
            "Joko Widodo -> KHM 2015-03-05 occurred", "Joko Widodo -> LAO 2015-03-03 occurred", "Joko Widodo -> THA 2015-03-07 occurred",
            "Susilo Bambang Yudhoyono -> JPN 2010-06-03 occurred",
        ])
    }

    @Test("a paragraph headed by a person and a bracketed year; its pronouns stand for him")
    func paragraphHeading() {
        let text = "Where Indonesian presidents go first\n\nA look back:\n\nSusilo Bambang Yudhoyono, first term (2004): Japan.\n\nJoko Widodo, first term (2014): Myanmar for the regional summit. He was in Beijing on 8 November."
        let visits = Self.visits(text)
        #expect(visits.contains("Susilo Bambang Yudhoyono -> JPN 2004 occurred"))
        #expect(visits.contains("Joko Widodo -> CHN 2014-11-08 occurred"))
    }

    @Test("a line that only names a person and a year, without a colon, heads nothing")
    func noHeading() {
        let text = "Indonesian presidents abroad\n\nThe record:\n\nJoko Widodo, 2015 was a busy year. Laos on March 3 was the first stop."
        #expect(Self.visits(text, rule: .visitorItemHeading) == [])
    }
}
