import Foundation
import Testing
@testable import CorpusModel

/// Issue 9 (branch status2): status and kind cues whose scope reaches past the trigger's clause, picks one person or
/// one leg out of several, or is denied. One test per class of the errors the annotated sets showed, each on
/// sentences written for it (never an annotated article's), with counter-examples.
@Suite("Status and kind scope: contrast clauses, departures, substitutes, denied kinds (issue 9)")
struct StatusScopeTests {
    func visits(_ text: String, date: String = "2024-06-15") -> [String] { Fixtures.visitSummaries([(date, text)]) }
    func statuses(_ text: String, to country: String, date: String = "2024-06-15") -> [String] {
        visits(text, date: date).filter { $0.contains("-> \(country) ") }.map { String($0.split(separator: " ").last ?? "") }
    }
    func visit(_ text: String, to country: String, date: String = "2024-06-15") -> Visit? {
        let corpus = CorpusBuilder(gazetteer: Fixtures.fullGazetteer, jobs: 1)
            .build(texts: [("a.txt", text, ManifestEntry(file: "a.txt", date: PartialDate(iso: date)))]).0
        return corpus.visits.first { $0.destination == country }
    }

    @Test("status.negated.cancel-it-after: a contrasting clause that cancels the trip, even after a plan", arguments: [
        "Indonesian President Joko Widodo had a state visit to Japan pencilled in for July, but he called it off after a storm.",
        "Indonesian President Joko Widodo had been due to begin his tour with a visit to Japan, but called it off after a flood.",
        "Indonesian President Joko Widodo was due to travel to Tokyo on June 20, but the trip never took place.",
        "Indonesian President Joko Widodo had planned to fly to Tokyo for the summit, the first held in Asia, but cancelled the trip after a storm.",
        "Thủ tướng Phạm Minh Chính dự kiến thăm Nhật Bản vào tháng 7, nhưng đã hoãn chuyến thăm.",
    ])
    func cancelledInContrastClause(_ text: String) {
        #expect(statuses(text, to: "JPN") == ["negated"], "\(visits(text))")
    }

    @Test("a trip told in a subordinate clause is not the one a contrasting main clause cancels")
    func subordinateTripNotCancelled() {
        let text = "Indonesian President Joko Widodo pledged to come to Tokyo when he hosted Lao President Thongloun Sisoulith in Jakarta in June 2023, but that trip never happened."
        #expect(visits(text).contains("Thongloun Sisoulith -> IDN 2023-06 occurred"), "\(visits(text))")
        #expect(statuses(text, to: "JPN") == ["negated"], "\(visits(text))")
    }

    @Test("counter-examples: another trip cancelled, or something else than the trip", arguments: [
        "Indonesian President Joko Widodo visited Japan in May, but called off the trip to Korea.",
        "Indonesian President Joko Widodo visited Japan in May, but the summit was postponed.",
        "Indonesian President Joko Widodo visited Japan in May, and called the trip a success.",
    ])
    func notCancelledInContrastClause(_ text: String) {
        #expect(statuses(text, to: "JPN") == ["occurred"], "\(visits(text))")
    }

    @Test("status.occurred.departure: set off, the first stop has begun and the later ones are still ahead")
    func departure() {
        let text = "Thủ tướng Phạm Minh Chính rời Hà Nội, lên đường thăm Lào và Campuchia."
        #expect(statuses(text, to: "LAO") == ["occurred"], "\(visits(text))")
        #expect(statuses(text, to: "KHM") == ["planned"], "\(visits(text))")
        // A second predicate after a comma continues the plan, not the departure.
        let legs = "Thủ tướng Phạm Minh Chính rời Hà Nội, lên đường thăm chính thức Lào, thăm chính thức Campuchia."
        #expect(statuses(legs, to: "LAO") == ["occurred"] && statuses(legs, to: "KHM") == ["planned"], "\(visits(legs))")
        // A gathering the departure sets off for is the first stop too.
        let summit = "Hôm qua, Thủ tướng Phạm Minh Chính rời Hà Nội, lên đường dự Hội nghị Cấp cao tại Viêng Chăn."
        #expect(statuses(summit, to: "LAO") == ["occurred"], "\(visits(summit))")
    }

    @Test("departure: its own day told before it dates the setting off; the plan of the stay in the same article does not undo it")
    func departureDatedBeforeTheStay() {
        let text = "Thủ tướng Phạm Minh Chính lên đường thăm Lào\n\nSáng 15/6, Thủ tướng Phạm Minh Chính rời Hà Nội, lên đường thăm chính thức Lào và Campuchia từ ngày 16 đến 18/6. Theo chương trình, Thủ tướng sẽ thăm chính thức Lào."
        #expect(statuses(text, to: "LAO") == ["occurred"], "\(visits(text))")
        #expect(statuses(text, to: "KHM") == ["planned"], "\(visits(text))")
    }

    @Test("status.occurred.participant-arrived: a participant of a planned gathering who has flown in is there")
    func participantArrived() {
        let arrived = "Leaders will attend the summit in Tokyo on June 20, as will Prabowo Subianto, who flew in on Friday."
        #expect(statuses(arrived, to: "JPN") == ["occurred"], "\(visits(arrived))")
        let expected = "Leaders will attend the summit in Tokyo on June 20, as will Prabowo Subianto, who is expected on Friday."
        #expect(statuses(expected, to: "JPN") == ["planned"], "\(visits(expected))")
    }

    @Test("counter-examples: a departure still to come is a plan", arguments: [
        "Thủ tướng Phạm Minh Chính sẽ rời Hà Nội, lên đường thăm Lào.",
        "Theo kế hoạch, Thủ tướng Phạm Minh Chính lên đường thăm Lào vào tháng 7.",
        "Thủ tướng Phạm Minh Chính lên đường thăm Lào vào ngày 20/6.",
    ])
    func departureAhead(_ text: String) {
        #expect(statuses(text, to: "LAO") == ["planned"], "\(visits(text))")
    }

    @Test("substitutes: the one stood in for was not there; the one sent in another's place was")
    func substitutes() {
        let stoodIn = "Leaders met in Tokyo for a summit on June 3, with Prabowo Subianto standing in for Joko Widodo."
        #expect(visits(stoodIn).contains("Joko Widodo -> JPN 2024-06-03 negated"), "\(visits(stoodIn))")
        #expect(visits(stoodIn).contains("Prabowo Subianto -> JPN 2024-06-03 occurred"), "\(visits(stoodIn))")
        let sent = "Indonesian President Joko Widodo pulled out of the summit in Tokyo on June 3, sending Prabowo Subianto in his place."
        #expect(visits(sent).contains("Joko Widodo -> JPN 2024-06-03 negated"), "\(visits(sent))")
        #expect(visits(sent).contains("Prabowo Subianto -> JPN 2024-06-03 occurred"), "\(visits(sent))")
        // Counter-example: both named with no substitute phrase are both there.
        let both = "Leaders met in Tokyo for a summit on June 3, with Prabowo Subianto and Joko Widodo among them."
        #expect(statuses(both, to: "JPN") == ["occurred", "occurred"], "\(visits(both))")
    }

    @Test("status.occurred.other-participant: a skip verb negates its own subject, not one named after it")
    func skipVerbScope() {
        let other = "Indonesian President Joko Widodo skipped the summit in Tokyo on June 3, and Prabowo Subianto led the delegation."
        #expect(visits(other).contains("Joko Widodo -> JPN 2024-06-03 negated"), "\(visits(other))")
        #expect(visits(other).contains("Prabowo Subianto -> JPN 2024-06-03 occurred"), "\(visits(other))")
        // Counter-example: coordinated subjects of the skip verb both stayed away.
        let both = "Indonesian President Joko Widodo and Prabowo Subianto skipped the summit in Tokyo on June 3."
        #expect(statuses(both, to: "JPN") == ["negated", "negated"], "\(visits(both))")
    }

    @Test("plan words: a hope, an idea, a schedule; a negation that opens a quantity is none", arguments: [
        ("Thủ tướng Phạm Minh Chính cho biết ông mong sớm sang Tokyo.", "planned"),
        ("Indonesian President Joko Widodo has floated the idea of flying on to Tokyo on June 20.", "planned"),
        ("The schedule released on Sunday showed Joko Widodo leaving for Tokyo.", "planned"),
        ("Thủ tướng Phạm Minh Chính nói đây lẽ ra là chuyến thăm Nhật Bản đầu tiên của ông.", "negated"),
        ("Chuyến thăm diễn ra chưa đầy ba tháng sau khi Thủ tướng Phạm Minh Chính thăm chính thức Nhật Bản.", "occurred"),
    ])
    func planWords(_ text: String, _ status: String) {
        #expect(statuses(text, to: "JPN") == [status], "\(visits(text))")
    }

    @Test("a weekday after a future word reads forward past a place set off by commas, not across a verb of saying")
    func weekdayForward() {
        // 2024-06-15 is a Saturday.
        let ahead = "Indonesian President Joko Widodo will attend the summit in Hiroshima, Japan, on Friday."
        #expect(visits(ahead) == ["Joko Widodo -> JPN 2024-06-21 planned"], "\(visits(ahead))")
        let said = "Indonesian President Joko Widodo will visit Japan, the ministry said on Friday."
        #expect(!visits(said).contains { $0.contains("2024-06-21") }, "\(visits(said))")
    }

    @Test("status.planned.present-tense: an agenda's heading in capitals dates its paragraph's present-tense trips")
    func agendaHeading() {
        let agenda = "The week ahead\n\nTUESDAY, Tokyo. Indonesian President Joko Widodo begins a visit to Japan with talks on trade.\n\nFRIDAY, Seoul. Widodo ends the trip in South Korea."
        #expect(statuses(agenda, to: "JPN") == ["planned"] && statuses(agenda, to: "KOR") == ["planned"], "\(visits(agenda))")
        // Counter-example: a place heading with no weekday tells the news.
        let news = "The week ahead\n\nTokyo. Indonesian President Joko Widodo begins a visit to Japan with talks on trade."
        #expect(statuses(news, to: "JPN") == ["occurred"], "\(visits(news))")
    }

    @Test("status.planned.present-tense: a relative clause after the trip, in the present with a day ahead, is a schedule")
    func scheduledInRelativeClause() {
        let ahead = "Widodo to Vietnam\n\nIndonesian President Joko Widodo will visit Vietnam on June 19, straight after a trip to Japan that begins later today."
        #expect(statuses(ahead, to: "JPN") == ["planned"], "\(visits(ahead))")
        // Counter-example: no day in the relative clause, and a past trigger.
        let figure = "Widodo in Japan\n\nIndonesian President Joko Widodo made a visit to Japan that begins a new chapter in ties."
        #expect(statuses(figure, to: "JPN") == ["occurred"], "\(visits(figure))")
    }

    @Test("merge: a report its article dates from that very day tells a visit under way; a plan of its later days does not undo it")
    func visitUnderWay() {
        let underWay = "Thủ tướng Campuchia Hun Sen thăm chính thức Việt Nam từ ngày 15-16/6. Rời Hà Nội, ông Hun Sen sẽ thăm Thành phố Hồ Chí Minh."
        #expect(statuses(underWay, to: "VNM") == ["occurred"], "\(visits(underWay))")
        // Counter-example: dated after its article, the same report is a schedule.
        let ahead = "Thủ tướng Campuchia Hun Sen thăm chính thức Việt Nam từ ngày 17-18/6. Rời Hà Nội, ông Hun Sen sẽ thăm Thành phố Hồ Chí Minh."
        #expect(statuses(ahead, to: "VNM") == ["planned"], "\(visits(ahead))")
    }

    @Test("merge: against a cancellation, a report placed by the gathering told before, with no cue of its own, is no fact")
    func gatheringContextAgainstCancellation() {
        let text = "Indonesian President Joko Widodo pulled out of the ASEAN summit in Tokyo on June 3. Jakarta said Widodo had objected to the refusal to let Timor-Leste join the meeting."
        #expect(statuses(text, to: "JPN") == ["negated"], "\(visits(text))")
        // Counter-example: told to have come after all, with a cue of its own, the trip took place.
        let came = "Indonesian President Joko Widodo pulled out of the ASEAN summit in Tokyo on June 3. On June 4, Widodo arrived at the summit after all."
        #expect(statuses(came, to: "JPN") == ["occurred"], "\(visits(came))")
    }

    @Test("status.planned.present-tense: a present-tense verb of the trip sent on to a next stop is a plan, unless dated before its article")
    func onwardPresent() {
        let next = "Widodo in Fiji\n\nIndonesian President Joko Widodo, who opened an embassy in Suva, travels next to Japan."
        #expect(statuses(next, to: "JPN") == ["planned"], "\(visits(next))")
        let onTo = "Widodo in Fiji\n\nIndonesian President Joko Widodo opened an embassy in Suva and flies on to Japan for talks."
        #expect(statuses(onTo, to: "JPN") == ["planned"], "\(visits(onTo))")
        let past = "Widodo's year\n\nIndonesian President Joko Widodo opens an embassy in Suva and flies on to Japan on May 4, 2019."
        #expect(statuses(past, to: "JPN") == ["occurred"], "\(visits(past))")
    }

    @Test("a subject of nobody ('no' before a title) makes no one's visit, not a cancellation of the last one")
    func nobodySubject() {
        let text = "Indonesian President Joko Widodo visited Japan in May. No Indonesian president has ever made a visit to Korea."
        #expect(visits(text) == ["Joko Widodo -> JPN 2024-05 occurred"], "\(visits(text))")
        let back = "Indonesian President Joko Widodo visited Japan in May. No Indonesian president had made a state visit there before."
        #expect(visits(back) == ["Joko Widodo -> JPN 2024-05 occurred"], "\(visits(back))")
        // Counter-example: a person named between the "no" and the trigger is its subject.
        let named = "Before 2015 no Indonesian president had been to Japan for ten years, since Susilo Bambang Yudhoyono's visit in 2005."
        #expect(visits(named) == ["Susilo Bambang Yudhoyono -> JPN 2005 occurred"], "\(visits(named))")
    }

    @Test("kind: denied after a copula, or told by a back-reference with a place or a year of another trip, is none")
    func kindScope() {
        #expect(visit("Indonesian President Joko Widodo came to Tokyo in May for talks; neither trip was a state or official visit.", to: "JPN")?.kind == .unspecified)
        #expect(visit("Indonesian President Joko Widodo visited Japan in May. In Seoul in 2019 his state visit was overshadowed by protests.", to: "JPN")?.kind == .unspecified)
        // Counter-examples: a denied trip keeps its kind; a back-reference with no place or year of its own gives it.
        #expect(visit("Indonesian President Joko Widodo will not make a state visit to Japan.", to: "JPN")?.kind == .state)
        #expect(visit("Indonesian President Joko Widodo visited Japan in May. The state visit produced ten agreements.", to: "JPN")?.kind == .state)
        #expect(visit("Indonesian President Joko Widodo paid a state or official visit to Japan in May.", to: "JPN")?.kind == .official)
    }
    // Branch status11: a place the journey never reached, a schedule's list, a place taken out of the trip.

    @Test("unreached-phrases: the place right after 'without ever reaching' is negated, a place reached is not", arguments: [
        ("Indonesian President Joko Widodo flew home by way of Bali, without ever reaching Tokyo.", "negated"),
        ("Indonesian President Joko Widodo left Bali for home and never made it to Tokyo.", "negated"),
        ("Tổng thống Indonesia Joko Widodo bay về nước qua Bali mà không tới được Tokyo.", "negated"),
        ("Indonesian President Joko Widodo flew without fanfare to Tokyo on June 3.", "occurred"),
    ])
    func unreachedPlace(_ text: String, _ status: String) {
        #expect(statuses(text, to: "JPN") == [status], "\(visits(text))")
    }

    @Test("a list whose lead ends with a plan word before its colon is a schedule; one told in the past is not")
    func scheduleListLead() {
        let planned = "Widodo abroad\n\nFrom June 20 to 26, Indonesian President Joko Widodo will:\n\n- attend a summit in Tokyo;\n- then pay a state visit to South Korea."
        #expect(statuses(planned, to: "KOR") == ["planned"], "\(visits(planned))")
        let vietnamese = "Lịch trình\n\nTừ ngày 22 đến 26/6, Tổng thống Indonesia Joko Widodo sẽ:\n\n- dự hội nghị tại Tokyo;\n- sau đó thăm cấp Nhà nước tới Hàn Quốc."
        #expect(statuses(vietnamese, to: "KOR") == ["planned"], "\(visits(vietnamese))")
        let past = "Widodo abroad\n\nFrom June 1 to 6, Indonesian President Joko Widodo:\n\n- attended a summit in Tokyo;\n- then paid a state visit to South Korea."
        #expect(statuses(past, to: "KOR") == ["occurred"], "\(visits(past))")
    }

    @Test("removal-verbs: a place cut from the trip is negated; one added to it is not")
    func placeRemovedFromTrip() {
        let cut = "Indonesian President Joko Widodo cuts Japan from his Asia trip to focus on budget talks."
        #expect(statuses(cut, to: "JPN") == ["negated"], "\(visits(cut))")
        let added = "Indonesian President Joko Widodo adds Japan to his Asia trip to focus on trade talks."
        #expect(statuses(added, to: "JPN") == ["occurred"], "\(visits(added))")
    }
}
