import Foundation
import Testing
@testable import CorpusModel

/// Where a gathering is when the sentence names no place the usual way: a ceremony for a named person (rule
/// destination.ceremony-person), a scene set first ("In Vientiane, ..."), and who stood in for whom there. Each
/// on sentences written for it, with counter-examples.
@Suite("Gathering places and stand-ins")
struct CeremonyPlaceTests {
    /// "visitor -> destination start status" of every visit found, sorted.
    static func visits(_ text: String, date: String = "2024-06-15") -> [String] {
        Fixtures.visitSummaries([(date, text)]).sorted()
    }

    @Test("destination.ceremony-person: a funeral or an inauguration is held in the country of the person it is for")
    func ceremonyOfAPerson() {
        let possessive = Self.visits("Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim were among the leaders at Pope Francis's funeral on April 26.", date: "2025-04-28")
        #expect(possessive == ["Anwar Ibrahim -> VAT 2025-04-26 occurred", "Joko Widodo -> VAT 2025-04-26 occurred"], "\(possessive)")
        let of = Self.visits("Malaysian Prime Minister Anwar Ibrahim attended the swearing-in of Claudia Sheinbaum on October 1.", date: "2024-10-02")
        #expect(of == ["Anwar Ibrahim -> MEX 2024-10-01 occurred"], "\(of)")
        let country = Self.visits("Malaysian Prime Minister Anwar Ibrahim was among the guests at the inauguration of Indonesia's Prabowo Subianto on October 20.", date: "2024-10-21")
        #expect(country == ["Anwar Ibrahim -> IDN 2024-10-20 occurred"], "\(country)")
        // The person the ceremony is for is the host, never a guest of his own country.
        let vietnamese = Self.visits("Thủ tướng Malaysia Anwar Ibrahim dự lễ nhậm chức của Tổng thống Indonesia Prabowo Subianto ngày 20/10.", date: "2024-10-21")
        #expect(vietnamese == ["Anwar Ibrahim -> IDN 2024-10-20 occurred"], "\(vietnamese)")
        // Counter-examples: a place named with the ceremony wins; a ceremony for no one named places nothing.
        let named = Self.visits("Malaysian Prime Minister Anwar Ibrahim attended the funeral of Pope Francis in Jakarta on June 3.").filter { $0.hasPrefix("Anwar") }
        #expect(named.count == 1 && named.allSatisfy { $0.hasPrefix("Anwar Ibrahim -> IDN") }, "\(named)")
        #expect(Self.visits("Malaysian Prime Minister Anwar Ibrahim attended the funeral on June 3.") == [])
    }

    @Test("destination.gathering-place: a sentence opening with 'In <place>,' places the gathering its later clause names")
    func sceneSetFirst() {
        let found = Self.visits("In Vientiane, the leader conspicuously missing was Indonesian President Joko Widodo, who skipped the regional summit on June 3.")
        #expect(found == ["Joko Widodo -> LAO 2024-06-03 negated"], "\(found)")
        // Counter-example: a place named in the cue's own clause wins over the scene.
        let own = Self.visits("In Jakarta, Indonesian President Joko Widodo said he would attend the regional summit in Vientiane on June 30.")
        #expect(own == ["Joko Widodo -> LAO 2024-06-30 planned"], "\(own)")
    }

    @Test("status.occurred.substitute: 'who skipped the summit and was represented by X': X went, in the same relative clause")
    func representedByInRelativeClause() {
        let found = Self.visits("In Vientiane, the leader conspicuously missing was Indonesian President Joko Widodo, who skipped the regional summit on June 3 and was represented by Vice President Ma'ruf Amin.")
        #expect(found == ["Joko Widodo -> LAO 2024-06-03 negated", "Ma'ruf Amin -> LAO 2024-06-03 occurred"], "\(found)")
        // Counter-example: a relative clause without the cue keeps its persons out ("who met X in Jakarta").
        let other = Self.visits("Indonesian President Joko Widodo, who had met Ma'ruf Amin in Jakarta, attended the regional summit in Vientiane on June 3.")
        #expect(other == ["Joko Widodo -> LAO 2024-06-03 occurred"], "\(other)")
    }

    @Test("a time in a 'since' clause dates the stretch, not the gathering, however many words the clause takes")
    func sinceClauseTime() {
        let found = GatheringTests.gatheringVisits("VIENTIANE, June 3 - Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim were among more than 20 leaders attending the two-day gathering, the largest since the organisation was founded in 2001.", date: "2024-06-03")
        #expect(found.count == 2 && found.allSatisfy { $0.contains(" -> LAO 2024-06") }, "\(found)")
        // Counter-example: a time of the gathering's own dates it.
        let dated = GatheringTests.gatheringVisits("VIENTIANE, June 3 - Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim were among more than 20 leaders attending the two-day gathering on June 2.", date: "2024-06-03")
        #expect(dated == ["Anwar Ibrahim -> LAO 2024-06-02 occurred", "Joko Widodo -> LAO 2024-06-02 occurred"], "\(dated)")
    }

    @Test("'At the conference table today were X and Y': those named were at the gathering the dateline placed")
    func atTheConferenceTable() {
        let found = Self.visits("VIENTIANE, June 3 - The regional summit opened this morning. At the conference table today were Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.", date: "2024-06-03")
        #expect(found == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"], "\(found)")
    }

    @Test("'X attended, and met Y and Z': those met, in a clause naming no place of its own, were at the gathering too")
    func metAtTheGathering() {
        let found = Self.visits("Indonesian President Joko Widodo attended the regional summit in Vientiane on June 3, and met Malaysian Prime Minister Anwar Ibrahim.")
        #expect(found == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"], "\(found)")
        // Counter-example: a meeting with a place of its own is another trip's.
        let elsewhere = GatheringTests.gatheringVisits("Indonesian President Joko Widodo attended the regional summit in Vientiane on June 3, and met Malaysian Prime Minister Anwar Ibrahim in Jakarta.")
        #expect(!elsewhere.contains { $0.hasPrefix("Anwar Ibrahim -> LAO") }, "\(elsewhere)")
    }

    @Test("a gathering told in an aside (', which will include the parade in X') is not carried to the next sentences")
    func asideGatheringNotCarried() {
        let text = "VIENTIANE, June 3 - Russian President Vladimir Putin arrived in Vientiane on Sunday for a four-day stay in the region, which will include the military parade in Hanoi on Wednesday. Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim were among the leaders attending the two-day gathering."
        let found = GatheringTests.gatheringVisits(text, date: "2024-06-03")
        #expect(found.contains { $0.hasPrefix("Joko Widodo -> LAO") && $0.hasSuffix("occurred") }, "\(found)")
        #expect(!found.contains { $0.hasPrefix("Joko Widodo -> VNM") }, "\(found)")
    }

    @Test("status.negated.absence: 'X's absence from the summit': the one whose absence it is was not there")
    func possessiveAbsence() {
        let absent = Self.visits("Malaysian Prime Minister Anwar Ibrahim's absence from the regional summit in Vientiane on June 3 drew comment.")
        #expect(absent == ["Anwar Ibrahim -> LAO 2024-06-03 negated"], "\(absent)")
        // Counter-example: a presence is no absence.
        let present = Self.visits("Malaysian Prime Minister Anwar Ibrahim's presence at the regional summit in Vientiane on June 3 drew comment.")
        #expect(present == ["Anwar Ibrahim -> LAO 2024-06-03 occurred"], "\(present)")
    }

    @Test("a 'to' place past a coordinator after the cue ('and returned to Jakarta') is the next leg, not the gathering's")
    func returnLegIsNotTheGathering() {
        let found = GatheringTests.gatheringVisits("Indonesian President Joko Widodo flew in overnight for the regional summit and returned to Jakarta the same evening; Malaysian Prime Minister Anwar Ibrahim, who arrived on June 2, also attended.")
        #expect(!found.contains { $0.contains("-> IDN") }, "\(found)")
        // Counter-example: a "to" place before any coordinator is the gathering's.
        let to = Self.visits("Malaysian Prime Minister Anwar Ibrahim and Thai Prime Minister Srettha Thavisin were among the leaders who came to Jakarta for the regional summit on June 3.")
        #expect(to.contains("Anwar Ibrahim -> IDN 2024-06-03 occurred"), "\(to)")
    }

    @Test("'On the reviewing stand were X and Y', 'Đứng trên khán đài danh dự có X và Y', under a dateline with a dash")
    func reviewingStand() {
        let english = GatheringTests.gatheringVisits("Vientiane - On June 3, the regional summit opened. On the reviewing stand were Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.")
        #expect(english == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"], "\(english)")
        let vietnamese = GatheringTests.gatheringVisits("Viêng Chăn - Sáng 3/6, Hội nghị Cấp cao khu vực khai mạc. Đứng trên khán đài danh dự có Tổng thống Indonesia Joko Widodo và Thủ tướng Malaysia Anwar Ibrahim.")
        #expect(vietnamese == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"], "\(vietnamese)")
        // Counter-example: a dash after a place that is no dateline (no time follows) places nothing.
        let none = GatheringTests.gatheringVisits("Vientiane - a city of temples. On the reviewing stand were Indonesian President Joko Widodo and Malaysian Prime Minister Anwar Ibrahim.")
        #expect(none == [], "\(none)")
    }

    @Test("a dateline opening the first paragraph, bracketed or not ('(Viêng Chăn) - Chiều 3/6'), places the article's gathering")
    func paragraphDateline() {
        let text = "(Viêng Chăn) - Chiều 3/6, Hội nghị Cấp cao khu vực đã bế mạc tại Viêng Chăn. Thị trường yên ắng. Giá cả tăng. Các thương nhân chờ đợi. Hội nghị năm nay có nhiều điểm mới.\n\nTổng thống Indonesia Joko Widodo cũng không dự; Thủ tướng Malaysia Anwar Ibrahim dẫn đầu đoàn Malaysia."
        let found = GatheringTests.gatheringVisits(text, date: "2024-06-03")
        #expect(found == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 negated"], "\(found)")
        // Counter-example: a place in brackets that no dash and time follow is no dateline.
        let aside = GatheringTests.gatheringVisits("(Viêng Chăn) là thủ đô của Lào. Thị trường yên ắng. Giá cả tăng. Các thương nhân chờ đợi. Hội nghị năm nay có nhiều điểm mới.\n\nTổng thống Indonesia Joko Widodo cũng không dự; Thủ tướng Malaysia Anwar Ibrahim dẫn đầu đoàn Malaysia.", date: "2024-06-03")
        #expect(aside == [], "\(aside)")
    }
}
