import Foundation
import Testing
@testable import CorpusModel

/// Issue 9: a planned, postponed or cancelled trip is never reported as occurred. One test per class of the
/// errors the annotated sets showed, each on sentences written for it (never an annotated article's), with
/// counter-examples that keep a real visit occurred.
@Suite("Plans and cancellations told away from the trigger (issue 9)")
struct PlanAndCancelTests {
    func visits(_ texts: [(String, String)]) -> [String] {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1).build(texts: texts.enumerated().map { i, t in
            ("\(i).txt", t.1, ManifestEntry(file: "\(i).txt", date: PartialDate(iso: t.0)))
        }).0
        return corpus.visitSummaries().sorted()
    }
    func visits(_ text: String, date: String = "2021-07-01") -> [String] { visits([(date, text)]) }
    func statuses(_ text: String, to country: String, date: String = "2021-07-01") -> [String] {
        visits(text, date: date).filter { $0.contains("-> \(country) ") }.map { String($0.split(separator: " ").last ?? "") }
    }

    @Test("status.negated.back-reference: a cancellation told of the trip a sentence before cancels it", arguments: [
        "Indonesian President Joko Widodo was in Vientiane for talks on 28 June. The visit has been put off after a storm.",
        "Indonesian President Joko Widodo was in Vientiane for talks on 28 June. The trip was abandoned on the Tuesday.",
    ])
    func backReferenceCancels(_ text: String) {
        #expect(statuses(text, to: "LAO") == ["negated"], "\(visits(text))")
    }

    @Test("counter-examples: a supposition, an urged cancellation, another country's trip do not cancel it", arguments: [
        "Indonesian President Joko Widodo was in Vientiane for talks on 28 June. The trip would have been unthinkable a year earlier.",
        "Indonesian President Joko Widodo was in Vientiane for talks on 28 June. His advisers had urged him to call off the trip.",
        "Indonesian President Joko Widodo was in Vientiane for talks on 28 June. Last month he had to cancel his trip to the summit in Hanoi, Vietnam.",
    ])
    func backReferenceKeeps(_ text: String) {
        #expect(statuses(text, to: "LAO") == ["occurred"], "\(visits(text))")
    }

    @Test("status.planned.unrealised: a plan told in the past right after the trigger is no fact")
    func unrealisedPlan() {
        let text = "Indonesian President Joko Widodo attended the summit in Hanoi, but storms forced him to miss the stop in Vientiane that was to follow."
        #expect(statuses(text, to: "LAO") == ["planned"] || statuses(text, to: "LAO") == ["negated"], "\(visits(text))")
        // Counter-examples: a place after "was to" is no plan; another cue before it keeps the fact.
        #expect(statuses("Indonesian President Joko Widodo's first trip abroad was to Laos in May.", to: "LAO") == ["occurred"])
        #expect(statuses("Indonesian President Joko Widodo arrived in Vientiane on 28 June and was to meet Lao leaders.", to: "LAO") == ["occurred"])
    }

    @Test("a negation between the trigger and the place: he was not there")
    func negationBeforePlace() {
        let vi = "Tổng thống Indonesia Joko Widodo mời lãnh đạo các nước ASEAN tới Jakarta sau khi vắng mặt tại hội nghị ở Viêng Chăn hồi tháng 6."
        #expect(statuses(vi, to: "LAO") == ["negated"], "\(visits(vi))")
        // Counter-examples: the place before the negation is visited; a capitalised "Không" is part of a name (the
        // Non-Aligned Movement), not a negation.
        let v = visits("Indonesian President Joko Widodo flew to Hanoi on 28 June without stopping in Vientiane.")
        #expect(v.contains { $0.hasPrefix("Joko Widodo -> VNM") && $0.hasSuffix("occurred") }, "\(v)")
        let named = visits("Tổng thống Indonesia Joko Widodo tới dự Hội nghị cấp cao Phong trào Không liên kết tại Viêng Chăn ngày 28/6.")
        #expect(named.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(named)")
    }

    @Test("cancellation words: boycotted, dropped, abandoned; a rescheduling ('postponed from') is none", arguments: [
        ("Indonesian President Joko Widodo boycotted the summit in Vientiane in June.", "negated"),
        ("Storms forced Indonesian President Joko Widodo to drop a stop in Vientiane on 28 June.", "negated"),
        ("Indonesian President Joko Widodo paid a state visit to Laos in June, a trip postponed from March.", "occurred"),
    ])
    func cancellationWords(_ text: String, _ status: String) {
        #expect(statuses(text, to: "LAO") == [status], "\(visits(text))")
    }

    @Test("plan cues away from the trigger: 'likely to', 'followed by', a leg coordinated after a planned one", arguments: [
        "At the summit in Vientiane, Indonesian President Joko Widodo is likely to meet Vietnamese Prime Minister Pham Minh Chinh.",
        "Indonesian President Joko Widodo will travel to Southeast Asia later this month for a state visit to Vietnam followed by an official visit to Laos.",
        "Tổng thống Indonesia Joko Widodo lên đường thăm chính thức Các Tiểu vương quốc Arab Thống nhất (UAE), thăm chính thức Lào.",
    ])
    func planAwayFromTrigger(_ text: String) {
        let found = statuses(text, to: "LAO")
        #expect(!found.isEmpty && !found.contains("occurred"), "\(visits(text))")
    }

    @Test("counter-examples: talks held, a visit before another leg stay occurred", arguments: [
        "At the summit in Vientiane, Indonesian President Joko Widodo met Vietnamese Prime Minister Pham Minh Chinh on 28 June.",
        "Indonesian President Joko Widodo paid a state visit to Vietnam in May, followed by an official visit to Laos.",
    ])
    func stillOccurred(_ text: String) {
        #expect(statuses(text, to: "LAO").contains("occurred"), "\(visits(text))")
    }

    @Test("'Sáng kiến' (initiative) and 'tham dự' (attend) are no plan words; 'dự kiến' is")
    func attendSyllable() {
        #expect(statuses("Tổng thống Indonesia Joko Widodo đã tham dự Hội nghị Sáng kiến Đầu tư tại Hà Nội, kết hợp thăm làm việc Lào ngày 28/6.", to: "LAO") == ["occurred"])
        #expect(statuses("Tổng thống Indonesia Joko Widodo dự kiến thăm làm việc Lào ngày 5/7.", to: "LAO") == ["planned"])
    }

    @Test("status.negated.participant: a participant whose name a negation follows was not there")
    func participantNegated() {
        let text = "Leaders met in Vientiane for a summit on 28 June, in a hall Joko Widodo never saw."
        #expect(!statuses(text, to: "LAO").contains("occurred"), "\(visits(text))")
    }

    @Test("a gathering named again by its city keeps its dates; a time right after a verb of saying dates the saying")
    func gatheringDates() {
        let text = "The White House said on Tuesday that Joe Biden would attend the summit in Vientiane from 6 July to 8 July. Joko Widodo is attending the Vientiane meeting as a guest."
        let v = visits(text)
        #expect(v.contains { $0.hasPrefix("Joko Widodo -> LAO 2021-07-06") && $0.hasSuffix("planned") }, "\(v)")
    }

    @Test("merge: an occurrence beats a cancellation only with a date of its own, as precise as the month")
    func occurrenceNeedsOwnDate() {
        let postponed = ("2021-03-20", "Indonesian President Joko Widodo has postponed his state visit to Laos, due on 25 March.")
        let yearOnly = ("2022-01-10", "Joko Widodo finally landed in Vientiane in 2021 for a state visit.")
        #expect(visits([postponed, yearOnly]).contains { $0.hasPrefix("Joko Widodo -> LAO 2021-03-25") && $0.hasSuffix("negated") },
                "\(visits([postponed, yearOnly]))")
        // Counter-example: dated to the day, the later report tells the visit took place.
        let dated = ("2022-01-10", "Joko Widodo finally landed in Vientiane on 25 March 2021 for a state visit.")
        #expect(visits([postponed, dated]).contains { $0.hasPrefix("Joko Widodo -> LAO 2021-03-25") && $0.hasSuffix("occurred") },
                "\(visits([postponed, dated]))")
        // Against a plan (not a cancellation), a later report's year is date enough.
        let planned = ("2021-03-20", "Indonesian President Joko Widodo will pay a state visit to Laos on 25 March.")
        let listed = ("2024-01-10", "Indonesian President Joko Widodo visited Laos in 2021.")
        #expect(visits([planned, listed]).contains { $0.hasPrefix("Joko Widodo -> LAO 2021-03-25") && $0.hasSuffix("occurred") },
                "\(visits([planned, listed]))")
    }

    @Test("merge: a report in the sentence of a cancellation is not told as past, however old its article")
    func retrospectiveInCancellation() {
        let text = "Indonesian President Joko Widodo visited Hanoi in 2017. In January 2018 he said he would not travel to Vientiane to open the new embassy, a trip that had been expected in February, complaining about the cost."
        #expect(statuses(text, to: "LAO", date: "2019-08-21") == ["negated"], "\(visits(text, date: "2019-08-21"))")
    }

    @Test("merge: a cancellation undated in its own words is another trip than the past visit its article dates")
    func cancellationApartFromPastVisit() {
        let text = "Indonesian President Joko Widodo will not travel to Laos for the funeral, his office said. Widodo paid an official visit to Laos earlier this month."
        #expect(Set(statuses(text, to: "LAO", date: "2021-07-28")) == ["negated", "occurred"], "\(visits(text, date: "2021-07-28"))")
    }
}
