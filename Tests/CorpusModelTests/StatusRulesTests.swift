import Foundation
import Testing
@testable import CorpusModel

/// Status cues with no travel verb, and the status of a visit merged from several reports: each rule on
/// sentences written for it (never taken from an annotated article), with counter-examples.
@Suite("Status cues and the strongest status across merged reports")
struct StatusRulesTests {
    func visits(_ texts: [(String, String)]) -> [String] { Fixtures.visitSummaries(texts) }
    func visits(_ text: String, date: String = "2021-07-01") -> [String] { visits([(date, text)]) }
    func statuses(_ text: String, to country: String) -> [String] {
        visits(text).filter { $0.contains("-> \(country) ") }.map { String($0.split(separator: " ").last ?? "") }
    }

    @Test("a cancellation or plan with no travel verb is never occurred", arguments: [
        "Indonesian President Joko Widodo has called off a planned visit to Laos.",
        "Indonesian President Joko Widodo puts off trip to Laos as floods worsen.",
        "Indonesian President Joko Widodo's state visit to Laos, which was to begin on Sunday, has been postponed.",
        "Indonesian President Joko Widodo said the visit to Laos that had been announced for the autumn will not take place.",
        "Indonesian President Joko Widodo could make a return trip to Laos later this year.",
        "Indonesian President Joko Widodo had agreed to pay a return visit to Laos.",
        // A departure still ahead (a set-off told as done has begun its first stop: StatusScopeTests).
        "Thủ tướng Phạm Minh Chính sẽ lên đường thăm Lào.",
        "Thủ tướng Phạm Minh Chính sẽ tham dự Hội nghị cấp cao tại Singapore, thăm chính thức Lào và Campuchia.",
        "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Lào, Campuchia và dự Hội nghị cấp cao tại Singapore.",
        "Indonesian President Joko Widodo did not come to Vientiane for the summit.",
        "Indonesian President Joko Widodo will not be in Vientiane for the summit.",
        "Indonesian President Joko Widodo pulled out of the ASEAN summit in Vientiane.",
        "Indonesian President Joko Widodo pledged to come to Laos, but that trip never happened.",
    ])
    func neverOccurred(_ text: String) {
        let found = visits(text)
        #expect(!found.isEmpty && !found.contains { $0.hasSuffix("occurred") }, "\(found)")
    }

    @Test("counter-examples: a past marker, an apposition, a concluded visit stay occurred", arguments: [
        "Thủ tướng Phạm Minh Chính đã lên đường thăm Lào.",
        "Indonesian President Joko Widodo, no longer in office, visits Laos in May.",
        "Thủ tướng Phạm Minh Chính sẽ về nước sau khi kết thúc chuyến thăm Lào.",
        "Indonesian President Joko Widodo made a visit to Laos in May.",
        "Indonesian President Joko Widodo and Lao President Thongloun Sisoulith agreed to boost trade during Widodo's visit to Laos in May.",
    ])
    func stillOccurred(_ text: String) {
        let found = visits(text)
        #expect(found.contains { $0.contains("-> LAO") && $0.hasSuffix("occurred") }, "\(found)")
    }

    @Test("a subordinate clause has a status of its own: the host's pledge is planned, the guest's visit occurred")
    func subordinateClause() {
        let found = visits("Lao President Thongloun Sisoulith pledged to come to Jakarta when he hosted Indonesian President Joko Widodo in Vientiane in May.")
        #expect(found.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(found)")
        #expect(found.contains { $0.hasPrefix("Thongloun Sisoulith -> IDN") && $0.hasSuffix("planned") }, "\(found)")
    }

    @Test("status.planned.present-tense: a present-tense trip with a weekday, outside the headline, is scheduled")
    func presentTense() {
        #expect(statuses("Widodo heads to Laos\n\nIndonesian President Joko Widodo lands in Vientiane on Monday for a three-day visit.", to: "LAO") == ["planned"])
        #expect(statuses("Widodo in Laos\n\nIndonesian President Joko Widodo landed in Vientiane on Monday for a three-day visit.", to: "LAO") == ["occurred"])
        #expect(statuses("Widodo heads to Laos\n\nIndonesian President Joko Widodo lands in Vientiane for a three-day visit.", to: "LAO") == ["occurred"])
    }

    @Test("merge.strongest-status: a plan in the headline beats occurred by default in the body")
    func planBeatsDefault() {
        let text = "Widodo to visit Laos\n\nIndonesian President Joko Widodo will pay a state visit to Laos next week. Widodo's trip to Laos is his first abroad this year."
        #expect(statuses(text, to: "LAO") == ["planned"])
        let told = "Widodo in Laos\n\nIndonesian President Joko Widodo paid a state visit to Laos on 1 July. Widodo's trip to Laos was his first abroad this year."
        #expect(statuses(told, to: "LAO") == ["occurred"])
    }

    @Test("merge.strongest-status: an explicit occurrence in a later article beats the earlier plan; a cancellation beats a plan")
    func laterOccurrenceBeatsPlan() {
        let plan = ("2021-07-01", "Indonesian President Joko Widodo will visit Laos on 5 July 2021.")
        let arrived = ("2021-07-06", "Indonesian President Joko Widodo arrived in Laos on 5 July 2021.")
        let cancelled = ("2021-07-03", "Indonesian President Joko Widodo has called off his visit to Laos on 5 July 2021.")
        #expect(visits([plan, arrived]) == ["Joko Widodo -> LAO 2021-07-05 occurred"])
        #expect(visits([plan, cancelled]) == ["Joko Widodo -> LAO 2021-07-05 negated"])
        // Counter-example: the arrival told in an article older than the plan does not undo it.
        #expect(visits([("2021-07-06", plan.1), ("2021-07-01", arrived.1)]) == ["Joko Widodo -> LAO 2021-07-05 planned"])
    }

    @Test("merge.strongest-status: a report dated by its own words up to its article's day keeps a visit under way occurred")
    func visitUnderWay() {
        let text = "Widodo in Laos\n\nIndonesian President Joko Widodo arrived in Vientiane on 30 June for a three-day visit to Laos. On 2 July he will also visit Luang Prabang in Laos."
        #expect(statuses(text, to: "LAO") == ["occurred"])
    }
}
