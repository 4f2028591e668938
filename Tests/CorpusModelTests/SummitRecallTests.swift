import Foundation
import Testing
@testable import CorpusModel

/// Recall of visits told without a visit word (issue 9): gatherings reported under a header dateline, acts done in
/// a place abroad, capitals named by a demonym, and the relative clauses, possessives and negations around them.
@Suite("Summits and presence abroad")
struct SummitRecallTests {
    static let lead = "VILNIUS, July 11 (Reuters) - NATO leaders opened a two-day summit on Tuesday."
    static let filler = "The talks ran late. Delegates argued over the text. Diplomats said little. Ministers waited outside."

    static func summaries(_ text: String, date: String = "2023-07-11") -> [String] {
        Fixtures.visitSummaries([(date, text)])
    }

    @Test("a gathering reported far below a header dateline, with no place of its own, is the dateline's")
    func datelineGathering() {
        let text = "Leaders gather\n\n\(Self.lead)\n\n\(Self.filler)\n\nFrench President Emmanuel Macron and German Chancellor Olaf Scholz were among the leaders in the hall on Tuesday afternoon."
        let visits = Self.summaries(text)
        #expect(visits.contains("Emmanuel Macron -> LTU 2023-07-11 occurred"), "\(visits)")
        #expect(visits.contains("Olaf Scholz -> LTU 2023-07-11 occurred"), "\(visits)")
        // Without the dateline nothing places the gathering that far down.
        let undated = text.replacingOccurrences(of: "VILNIUS, July 11 (Reuters) - ", with: "")
        #expect(!Self.summaries(undated).contains { $0.contains("-> LTU") })
    }

    @Test("a gathering dated far from the dateline's day is not the dateline's")
    func datelineGatheringOtherTime() {
        let text = "Leaders gather\n\n\(Self.lead)\n\n\(Self.filler)\n\nFrench President Emmanuel Macron and German Chancellor Olaf Scholz were among the leaders in the hall in March 2019."
        #expect(!Self.summaries(text).contains { $0.contains("-> LTU") })
    }

    @Test("a dateline may name the country after its place; the place is kept whole")
    func datelineWithCountry() {
        let text = "Leaders gather\n\nNUSA DUA, Indonesia, Nov 15 (Reuters) - Leaders began a two-day summit on Tuesday.\n\n\(Self.filler)\n\nFrench President Emmanuel Macron and German Chancellor Olaf Scholz were among the leaders at the opening session."
        let (corpus, _) = Fixtures.corpus([("a.txt", text, "2022-11-15")], gazetteer: Fixtures.fullGazetteer)
        #expect(corpus.documents.first?.place == "Nusa Dua, Indonesia")
        #expect(corpus.visitSummaries().contains("Emmanuel Macron -> IDN 2022-11-15 occurred"), "\(corpus.visitSummaries())")
    }

    @Test("'from X, where he had attended the meeting': the gathering was in X, and X is not carried on")
    func placeReferredBack() {
        let text = "Ministers meet\n\nHANOI, Nov 2 (Reuters) - Talks opened on Sunday.\n\nU.S. Secretary of State Antony Blinken flew in from Kuala Lumpur, where he had attended the meeting of ASEAN foreign ministers on Friday. Japanese Foreign Minister Yoko Kamikawa also attended."
        let visits = Self.summaries(text, date: "2024-11-02")
        #expect(visits.contains("Antony Blinken -> MYS 2024-11-01 occurred"), "\(visits)")
        #expect(!visits.contains { $0.hasPrefix("Yoko Kamikawa -> MYS") }, "\(visits)")
    }

    @Test("a time inside a relative clause does not date a gathering reported outside it")
    func relativeClauseTime() {
        let text = "Indonesian President Joko Widodo, whose country takes over the chair in December, and Malaysian Prime Minister Anwar Ibrahim were among the leaders at the summit in Vientiane."
        let visits = Self.summaries(text, date: "2024-06-15").filter { $0.contains("-> LAO") }
        #expect(visits.contains("Joko Widodo -> LAO 2024-06 occurred"), "\(visits)")
        #expect(!visits.contains { $0.contains("planned") })
    }

    @Test("a negation after a relative clause set off after the participant's name is his")
    func negationAfterRelativeClause() {
        let text = "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo, who had been urged by advisers to attend, decided not to make the journey."
        let visits = Self.summaries(text, date: "2024-06-15").filter { $0.hasPrefix("Joko Widodo -> LAO") }
        #expect(!visits.isEmpty && visits.allSatisfy { $0.hasSuffix("negated") }, "\(visits)")
    }

    @Test("a back-reference with another person named before it is not the last visit's")
    func backReferenceOtherPerson() {
        let text = "Malaysian Prime Minister Anwar Ibrahim arrived in Tokyo on June 3. Indonesian President Joko Widodo, who had been urged to come, decided not to make the journey."
        let visits = Self.summaries(text, date: "2024-06-15")
        #expect(visits.contains("Anwar Ibrahim -> JPN 2024-06-03 occurred"), "\(visits)")
    }

    @Test("an act done in a foreign place named with 'in' or 'at' is a visit; at home, or by video, it is not", arguments: [
        ("Indonesian President Joko Widodo addressed the parliament in Canberra on June 3.", "Joko Widodo -> AUS 2024-06-03 occurred"),
        ("Indonesian President Joko Widodo laid a wreath at the war memorial in Hanoi on June 3.", "Joko Widodo -> VNM 2024-06-03 occurred"),
        ("Indonesian President Joko Widodo addressed the parliament in Jakarta on June 3.", nil),
        ("Indonesian President Joko Widodo spoke by video link to the forum in Hanoi on June 3.", nil),
    ] as [(String, String?)])
    func presenceAct(_ text: String, _ expected: String?) {
        let visits = Self.summaries(text, date: "2024-06-15")
        if let expected { #expect(visits.contains(expected), "\(visits)") } else { #expect(visits.isEmpty, "\(visits)") }
    }

    @Test("'the Lao capital' is Laos's capital; a demonym before another word is no place")
    func demonymCapital() {
        #expect(Self.summaries("Indonesian President Joko Widodo arrived in the Lao capital on June 3.", date: "2024-06-15")
                == ["Joko Widodo -> LAO 2024-06-03 occurred"])
        #expect(Self.summaries("Indonesian President Joko Widodo arrived in the Laotian countryside on June 3.", date: "2024-06-15")
                .allSatisfy { !$0.contains("-> LAO") })
    }

    @Test("a country with 's before a person's name is his country, not a destination")
    func possessiveCountry() {
        let visits = Self.summaries("Spain's Pedro Sánchez and Denmark's Mette Frederiksen visited Kyiv together on June 3.", date: "2024-06-15")
        #expect(visits.contains("Pedro Sánchez -> UKR 2024-06-03 occurred"), "\(visits)")
        #expect(!visits.contains { $0.contains("-> DNK") })
    }
}
