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

    // Branch summits3: more ways of being at a gathering, and gatherings that are background.

    @Test("presence phrases and leading a delegation are attendance; each clause's cue is read", arguments: [
        ("French President Emmanuel Macron is in town for the talks.", "Emmanuel Macron -> LTU 2023-07-11 occurred"),
        ("Foreign Minister Catherine Colonna led the French delegation.", "Catherine Colonna -> LTU 2023-07-11 occurred"),
        ("Foreign Minister Catherine Colonna led the French delegation; Emmanuel Macron stayed away.", "Emmanuel Macron -> LTU 2023-07-11 negated"),
        ("The summit opened on Tuesday, with French President Emmanuel Macron and German Chancellor Olaf Scholz among the leaders.", "Olaf Scholz -> LTU 2023-07-11 occurred"),
    ])
    func attendanceCues(_ sentence: String, _ expected: String) {
        let visits = Self.summaries("Leaders gather\n\n\(Self.lead)\n\n\(sentence)")
        #expect(visits.contains(expected), "\(visits)")
        // Counter-example: without the dateline no gathering is placed.
        #expect(Self.summaries("Leaders gather\n\nNATO leaders opened a two-day summit on Tuesday.\n\n\(sentence)").allSatisfy { !$0.contains("-> LTU") })
    }

    @Test("a gathering one came from or attended before is background: it does not carry on")
    func backgroundGathering() {
        let after = Self.summaries("Leaders gather\n\n\(Self.lead)\n\nFrench President Emmanuel Macron flew in on Tuesday after attending the G7 summit in Hiroshima. German Chancellor Olaf Scholz also attended.")
        #expect(after.contains("Olaf Scholz -> LTU 2023-07-11 occurred"), "\(after)")
        #expect(!after.contains { $0.hasPrefix("Olaf Scholz -> JPN") }, "\(after)")
        let from = Self.summaries("Leaders gather\n\n\(Self.lead)\n\nArrivals so far: French President Emmanuel Macron, who came on from the G7 meeting in Hiroshima, and German Chancellor Olaf Scholz.")
        #expect(from.contains("Olaf Scholz -> LTU 2023-07-11 occurred"), "\(from)")
        #expect(!from.contains { $0.hasPrefix("Olaf Scholz -> JPN") }, "\(from)")
        // Counter-example: the gathering named as attended, not as background, carries on.
        let carried = Self.summaries("Leaders gather\n\nLeaders met on Tuesday.\n\nFrench President Emmanuel Macron attended the G7 summit in Hiroshima on May 19. German Chancellor Olaf Scholz also attended.", date: "2023-05-20")
        #expect(carried.contains { $0.hasPrefix("Olaf Scholz -> JPN") }, "\(carried)")
    }

    @Test("'X cancelled his trip' after Y's visit is X's, not a cancellation of Y's")
    func anotherSubjectsTrip() {
        let text = "Leaders gather\n\nIranian President Masoud Pezeshkian arrived in Kazan on Tuesday for his first trip to Russia. Brazilian President Luiz Inácio Lula da Silva cancelled his trip after a fall at home."
        let visits = Self.summaries(text, date: "2024-10-24")
        #expect(visits.contains("Masoud Pezeshkian -> RUS 2024-10-22 occurred"), "\(visits)")
        // Counter-example: his own cancellation, told of the trip just reported, cancels it.
        let own = Self.summaries("Leaders gather\n\nIranian President Masoud Pezeshkian was to travel to Kazan. Pezeshkian cancelled his trip after a fall at home.", date: "2024-10-24")
        #expect(!own.contains { $0.hasPrefix("Masoud Pezeshkian -> RUS") && $0.hasSuffix("occurred") }, "\(own)")
    }

    @Test("'Also in X were A and B'; a later cue of the sentence uses the gathering an earlier one placed, even as background")
    func invertedPresenceAndSameSentence() {
        let inverted = Self.summaries("Leaders gather\n\nAlso in Vientiane on June 3 were Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.", date: "2024-06-15")
        #expect(inverted.contains("Anwar Ibrahim -> LAO 2024-06-03 occurred"), "\(inverted)")
        #expect(Self.summaries("Leaders gather\n\nAlso on June 3 were Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.", date: "2024-06-15").isEmpty)
        let text = "Chủ tịch nước tới San Francisco\n\nSan Francisco, 15/11/2023 (TTXVN) - Chủ tịch nước Võ Văn Thưởng đã tới San Francisco sau khi dự Diễn đàn Vành đai và Con đường tại Bắc Kinh hồi giữa tháng 10, sự kiện có sự tham dự của Tổng thống Nga Vladimir Putin."
        let visits = Self.summaries(text, date: "2023-11-15")
        #expect(visits.contains { $0.hasPrefix("Vladimir Putin -> CHN 2023-10") }, "\(visits)")
        #expect(!visits.contains { $0.hasPrefix("Vladimir Putin -> USA") }, "\(visits)")
    }
}
