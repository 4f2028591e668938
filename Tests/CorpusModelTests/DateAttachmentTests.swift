import Foundation
import Testing
@testable import CorpusModel

/// Yearless dates read from the dates told just before them, and times that only bound a period (issue 9:
/// visits found with a wrong date). TimeExpressions.swift, Analysis.swift, VisitDates.swift.
@Suite("Date attachment: yearless dates told before, periods bounded by 'since'")
struct DateAttachmentTests {
    func times(_ text: String, date: String) -> [String] {
        let d = Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer).documents[0]
        return d.times.map { t in "\(d.slice(t.range))=\(t.start.iso)" }
    }

    func visits(_ text: String, date: String) -> Set<String> {
        let c = Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
        return Set(c.visits.map { "\(c.entities[$0.visitor].id) \($0.destination) \($0.start?.iso ?? "?")" })
    }

    @Test("a yearless day after a month 'of that year' in its sentence takes that year (date.year-in-sentence)")
    func yearInSentence() {
        let text = "The minister reached Singapore on 22 August 2021. In November of that year she spent five days in Paris, from 9 November, on talks."
        #expect(times(text, date: "2024-07-25").contains("9 November=2021-11-09"))
        // Without a year told in the sentence the publication's year is kept.
        let plain = "The minister reached Singapore on 22 August 2021. She spent five days in Paris from 9 November on talks."
        #expect(times(plain, date: "2024-07-25").contains("9 November=2023-11-09"))
    }

    @Test("a yearless day of the month the sentence before told with its year takes that year (date.month-told-before)")
    func monthToldBefore() {
        let text = "September 2024 took him to New York for the General Assembly. On September 30 he left for Mongolia."
        #expect(times(text, date: "2026-02-20").contains("September 30=2024-09-30"))
        // Another month, another paragraph, or a time said from now in the sentence: the publication's year.
        let other = "September 2024 took him to New York for the General Assembly. On October 2 he left for Mongolia."
        #expect(times(other, date: "2026-02-20").contains("October 2=2025-10-02"))
        let paragraph = "September 2024 took him to New York for the General Assembly.\n\nOn September 30 he left for Mongolia."
        #expect(times(paragraph, date: "2026-02-20").contains("September 30=2025-09-30"))
        let now = "The summit met in May 2023. It is his third trip this year, after a visit to Moscow in May."
        #expect(times(now, date: "2025-06-17").contains("May=2025-05"))
    }

    @Test("a time closing 'since' and a verb in -ing dates no visit; 'since visiting <place>' still does")
    func sincePhrase() {
        let text = "New Zealand Prime Minister Jacinda Ardern, who is attending her first summit since taking office last month, arrived in Danang."
        let found = visits(text, date: "2017-11-10")
        #expect(found.contains { $0.contains(" VNM ") })
        #expect(found.allSatisfy { !$0.hasSuffix("2017-10") })
        let visiting = "New Zealand Prime Minister Jacinda Ardern arrived in Danang, her first trip since visiting Australia last month."
        #expect(visits(visiting, date: "2017-11-10").contains { $0.contains("AUS 2017-10") })
    }

    @Test("'in early March', 'in late March' date like 'in March'; 'late March' without 'in' is no time",
          arguments: ["in early March", "in late March"])
    func partOfMonth(_ phrase: String) {
        let text = "It is his second tour this year. The defence secretary went to Manila \(phrase)."
        #expect(times(text, date: "2025-11-03").contains("March=2025-03"))
        #expect(!times("The late March sun was warm.", date: "2025-11-03").contains { $0.hasPrefix("March") })
    }
}
