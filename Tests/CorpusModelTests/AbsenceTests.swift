import Foundation
import Testing
@testable import CorpusModel

/// Leaders who stayed away from a gathering, sent someone in their place or had it still ahead (issue 9, "a
/// planned, postponed or cancelled trip is never reported as occurred"), and where a timeline item's gathering is.
/// Each class on sentences written for it (never taken from an annotated article), with counter-examples.
@Suite("Absences from gatherings")
struct AbsenceTests {
    static func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        Fixtures.visitSummaries([(date, text)])
    }

    static func statuses(_ text: String, _ prefix: String, date: String = "2024-06-15") -> [String] {
        visits(text, date: date).filter { $0.hasPrefix(prefix) }
    }

    @Test("status.negated.absence: a participant named after an absence noun and 'of'/'của' was not there")
    func absenceNoun() {
        let english = Self.statuses("The regional summit in Vientiane on June 3 was marked by the absence of Indonesian President Joko Widodo.", "Joko Widodo -> LAO")
        #expect(!english.isEmpty && english.allSatisfy { $0.hasSuffix("negated") }, "\(english)")
        let vietnamese = Self.statuses("Hội nghị tại Viêng Chăn ngày 3/6 ghi nhận sự vắng mặt vào phút chót của Tổng thống Indonesia Joko Widodo.", "Joko Widodo -> LAO")
        #expect(!vietnamese.isEmpty && vietnamese.allSatisfy { $0.hasSuffix("negated") }, "\(vietnamese)")
        // Counter-example: a presence is no absence.
        let present = Self.statuses("The regional summit in Vientiane on June 3 was marked by the presence of Indonesian President Joko Widodo.", "Joko Widodo -> LAO")
        #expect(present == ["Joko Widodo -> LAO 2024-06-03 occurred"], "\(present)")
    }

    @Test("status.planned.participant: a participant's own plan or scheduled present, however far the gathering's cue")
    func participantPlans() {
        let text = "Indonesian President Joko Widodo still leaves on Wednesday for Vientiane, Laos, where the regional summit of the bloc's leaders opens on Friday."
        let found = Self.statuses(text, "Joko Widodo -> LAO", date: "2024-06-10")
        #expect(!found.isEmpty && found.allSatisfy { $0.hasSuffix("planned") }, "\(found)")
        // Counter-examples: a plan told of someone named after the cue, and a past attendance.
        let other = Self.statuses("The regional summit in Vientiane on June 3 ended as Malaysian Prime Minister Anwar Ibrahim said Joko Widodo would come to Kuala Lumpur.", "Anwar Ibrahim -> LAO")
        #expect(other == ["Anwar Ibrahim -> LAO 2024-06-03 occurred"], "\(other)")
        let past = Self.statuses("Indonesian President Joko Widodo attended the regional summit in Vientiane on June 3.", "Joko Widodo -> LAO")
        #expect(past == ["Joko Widodo -> LAO 2024-06-03 occurred"], "\(past)")
    }

    @Test("status.negated.cancel-opens-clause: a cancellation opening a clause after a comma takes everything it lists")
    func cancellationOpensClause() {
        let text = "Indonesian President Joko Widodo cut short his tour of the region on June 3, dropping what would have been a historic first stop in the Lao capital Vientiane and the annual regional summit in Bangkok."
        let found = Self.statuses(text, "Joko Widodo -> THA")
        #expect(!found.isEmpty && found.allSatisfy { $0.hasSuffix("negated") }, "\(found)")
        // Counter-example: the clause keeps what it lists.
        let kept = Self.statuses("Indonesian President Joko Widodo began his tour of the region on June 3, taking in a historic first stop in the Lao capital Vientiane and the annual regional summit in Bangkok.", "Joko Widodo -> THA")
        #expect(!kept.isEmpty && kept.allSatisfy { $0.hasSuffix("occurred") }, "\(kept)")
    }

    @Test("status.negated.substituted: 'X represents him at the summit': he was not there, X was")
    func representsHim() {
        let text = "Indonesian President Joko Widodo stayed in Jakarta for the budget debate. Vice President Ma'ruf Amin represented him at the regional summit in Bangkok on June 3."
        let found = Self.visits(text)
        #expect(found.contains { $0.hasPrefix("Ma'ruf Amin -> THA 2024-06") && $0.hasSuffix("occurred") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("Joko Widodo -> THA") && $0.hasSuffix("occurred") }, "\(found)")
        // Counter-example: representing a country is attending.
        let country = Self.visits("Vice President Ma'ruf Amin represented Indonesia at the regional summit in Bangkok on June 3.")
        #expect(country.contains("Ma'ruf Amin -> THA 2024-06-03 occurred"), "\(country)")
    }

    static let timeline = """
        Who Jakarta sent to the summits

        The record of Indonesian presidents at the regional summits:

        November 2019 - Bangkok. Joko Widodo attends the summit and meets the hosts.

        November 2020 - Vientiane, Laos. Joko Widodo skips the summit.

        November 2021 - Phnom Penh. Vice President Ma'ruf Amin attends instead of Joko Widodo.

        November 2022 - Kuala Lumpur. Foreign Minister Retno Marsudi leads the delegation; Joko Widodo stays away.
        """

    @Test("destination.item-heading, status.negated.stayed-away: a timeline item's heading places its gathering; who stayed away did not go")
    func timelineAbsences() {
        let found = Self.visits(Self.timeline, date: "2024-06-15")
        #expect(found.contains("Joko Widodo -> THA 2019-11 occurred"), "\(found)")
        #expect(found.contains("Ma'ruf Amin -> KHM 2021-11 occurred"), "\(found)")
        for country in ["LAO", "KHM", "MYS"] {
            let trips = found.filter { $0.hasPrefix("Joko Widodo -> \(country)") }
            #expect(trips.allSatisfy { $0.hasSuffix("negated") }, "\(found)")
        }
        #expect(found.contains("Joko Widodo -> LAO 2020-11 negated"), "\(found)")
        // Counter-example: a heading with more than a place is no gathering's place.
        let busy = Self.visits("Who Jakarta sent to the summits\n\nThe record of Indonesian presidents at the regional summits:\n\nNovember 2020 - Vientiane, where the talks were long. Joko Widodo skips the summit.")
        #expect(!busy.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(busy)")
    }

    @Test("a gathering attended in a relative clause is placed inside it, not at the main clause's destination")
    func relativeClauseGathering() {
        let text = "Anwar on the road\n\nMalaysian Prime Minister Anwar Ibrahim, who attended the regional meeting on Wednesday, travels to Manila on Thursday for talks."
        let found = Self.visits(text, date: "2024-06-12")
        #expect(!found.contains { $0.hasPrefix("Anwar Ibrahim -> PHL") && $0.hasSuffix("occurred") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("Anwar Ibrahim -> PHL") && $0.hasSuffix("planned") }, "\(found)")
    }
}
