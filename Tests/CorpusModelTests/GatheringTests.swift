import Foundation
import Testing
@testable import CorpusModel

/// Attendance at a gathering of many: a visit to the host country for every participant named, the host
/// country's own people excepted (rules visit.gathering-participant, destination.gathering-context).
@Suite("Gathering participants")
struct GatheringTests {
    /// "visitor -> destination start status" of each visit a gathering rule made, sorted.
    static func gatheringVisits(_ text: String, date: String = "2024-06-15") -> [String] {
        let c = Fixtures.corpus(text, date: date, gazetteer: Fixtures.fullGazetteer)
        return c.visits.filter { $0.ruleSet.contains(.visitGatheringParticipant) }.map { v in
            "\(c.entities[v.visitor].name) -> \(v.destination) \(v.start?.iso ?? "?") \(v.status.rawValue)"
        }.sorted()
    }

    @Test("every named participant from abroad visits the host country; the host's own people do not")
    func participantsButNotTheHost() {
        let visits = Self.gatheringVisits(
            "The summit in Vientiane on June 3 brought together President Joko Widodo of Indonesia, Prime Minister Anwar Ibrahim of Malaysia and Prime Minister Sonexay Siphandone of Laos.")
        #expect(visits == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"])
    }

    @Test("a possessive place before a gathering word places it ('Vientiane's summit', 'Vientiane's ASEAN summit'); a possessive of several does not")
    func possessivePlace() {
        let joko = ["Joko Widodo -> LAO 2024-06-03 occurred"]
        #expect(Self.gatheringVisits("Vientiane's summit opened on June 3. Indonesian President Joko Widodo also attended.") == joko)
        #expect(Self.gatheringVisits("Vientiane's ASEAN summit opened on June 3. Indonesian President Joko Widodo also attended.") == joko)
        #expect(Self.gatheringVisits("Vientiane's concerns grew on June 3. Indonesian President Joko Widodo also attended the summit.") == [])
        #expect(Self.gatheringVisits("Laos's and Cambodia's summits were compared on June 3. Indonesian President Joko Widodo also attended.") == [])
    }

    @Test("a sentence naming the gathering's place places it for the sentences that follow while it is the story's scene")
    func placeCarriedOn() {
        let text = "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo also attended."
        #expect(Self.gatheringVisits(text) == ["Joko Widodo -> LAO 2024-06-03 occurred"])
        // Past a few sentences, only while it is still the story's scene: no place in another country, no time far
        // from its days since.
        let far = "The regional summit opened in Vientiane on June 3. The market was quiet. Prices rose. Traders waited. Indonesian President Joko Widodo also attended."
        #expect(Self.gatheringVisits(far) == ["Joko Widodo -> LAO 2024-06-03 occurred"])
        let elsewhere = "The regional summit opened in Vientiane on June 3. The market was quiet. Prices rose in Jakarta. Traders waited. Indonesian President Joko Widodo also attended."
        #expect(Self.gatheringVisits(elsewhere) == [])
        let anotherTime = "The regional summit opened in Vientiane on June 3. The market was quiet. Prices rose in March 2019. Traders waited. Indonesian President Joko Widodo also attended."
        #expect(Self.gatheringVisits(anotherTime) == [])
        let nearTime = "The regional summit opened in Vientiane on June 3. The market was quiet. Prices rose on June 4. Traders waited. Indonesian President Joko Widodo also attended."
        #expect(Self.gatheringVisits(nearTime) == ["Joko Widodo -> LAO 2024-06-03 occurred"])
    }

    @Test("a gathering placed by a place noun's complement: 'in the port city of Tianjin' (rule destination.place-noun-of)")
    func placeNounComplement() {
        let text = "Leaders gathered for the regional summit in the port city of Tianjin on June 3. Indonesian President Joko Widodo was there."
        #expect(Self.gatheringVisits(text) == ["Joko Widodo -> CHN 2024-06-03 occurred"])
        let district = "The funeral was held in the Dedinje district of Belgrade on June 3. Indonesian President Joko Widodo was there."
        #expect(Self.gatheringVisits(district) == ["Joko Widodo -> SRB 2024-06-03 occurred"])
        // "shadow" is no place noun: the war's country is not where the summit is.
        let shadow = "Leaders gathered for the regional summit in the shadow of the Ukraine war on June 3. Indonesian President Joko Widodo was there."
        #expect(Self.gatheringVisits(shadow) == [])
    }

    @Test("an arrival is not dated past a semicolon: it takes the gathering's day (rule visit.arrival-unplaced)")
    func arrivalNotDatedPastSemicolon() {
        let text = "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo came from Jakarta; the two neighbours had signed a treaty in March 2019."
        #expect(Self.gatheringVisits(text) == ["Joko Widodo -> LAO 2024-06-03 occurred"])
        let ownDay = "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo flew in on June 2."
        #expect(Self.gatheringVisits(ownDay) == ["Joko Widodo -> LAO 2024-06-02 occurred"])
        // A place far after the arrival, with no preposition of place before it, is a topic: he still flew in to the summit.
        let topic = "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo flew in on June 2 and met the host the same afternoon, voicing concerns about Myanmar."
        #expect(Self.gatheringVisits(topic) == ["Joko Widodo -> LAO 2024-06-02 occurred"])
    }

    @Test("a colon after the cue opens the list of its participants, a meeting's too")
    func colonList() {
        let text = "The regional summit opened in Vientiane on June 3. The host welcomed a crowded field to the two-day meeting: Indonesian President Joko Widodo, Malaysian Prime Minister Anwar Ibrahim and Thai Prime Minister Srettha Thavisin."
        #expect(Self.gatheringVisits(text) == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred",
                                               "Srettha Thavisin -> LAO 2024-06-03 occurred"])
        // Talks with no colon list still name their own place: no visit to the carried gathering.
        let talks = "The regional summit opened in Vientiane on June 3. The host held a meeting with Indonesian President Joko Widodo."
        #expect(Self.gatheringVisits(talks) == [])
    }

    @Test("a gathering as a topic, or attended from afar, gives nothing", arguments: [
        "Indonesian President Joko Widodo spoke about trade ahead of the summit in Vientiane on June 3.",
        "Indonesian President Joko Widodo addressed the summit in Vientiane by video link on June 3.",
        "Indonesian President Joko Widodo praised the summit's agenda in Vientiane on June 3.",
    ])
    func topicOrRemote(_ text: String) {
        #expect(Self.gatheringVisits(text) == [])
    }

    @Test("a planned gathering gives planned visits")
    func plannedGathering() {
        let visits = Self.gatheringVisits("The summit in Vientiane on July 20 will bring together President Joko Widodo of Indonesia and Prime Minister Anwar Ibrahim of Malaysia.")
        #expect(!visits.isEmpty && visits.allSatisfy { $0.hasSuffix("planned") })
    }

    @Test("the other party of talks held before another act is no participant; one met at the gathering is")
    func metBeforeAnotherAct() {
        for text in ["Tổng thống Indonesia Joko Widodo sẽ hội đàm với Thủ tướng Malaysia Anwar Ibrahim và dự hội nghị cấp cao tại Viêng Chăn ngày 3/6.",
                     "Indonesian President Joko Widodo will meet Malaysian Prime Minister Anwar Ibrahim, and attend the summit in Vientiane on June 3."] {
            let before = Self.gatheringVisits(text)
            #expect(before.allSatisfy { !$0.hasPrefix("Anwar Ibrahim") }, "\(before)")
        }
        let at = Self.gatheringVisits("Indonesian President Joko Widodo met Malaysian Prime Minister Anwar Ibrahim on the sidelines of the summit in Vientiane on June 3.")
        #expect(at.contains { $0.hasPrefix("Anwar Ibrahim -> LAO") }, "\(at)")
    }

    @Test("only the persons of the cue's clause (and of a list it carries on) take part")
    func clauseScope() {
        let visits = Self.gatheringVisits(
            "Indonesian President Joko Widodo signed a decree in Jakarta on June 3, but Malaysian Prime Minister Anwar Ibrahim attended the summit in Vientiane.")
        #expect(visits.allSatisfy { !$0.hasPrefix("Joko Widodo") })
    }

    @Test("Vietnamese: 'dự án' (a project) is no attendance; 'cùng có mặt tại X dự hội nghị' is")
    func vietnamese() {
        #expect(Self.gatheringVisits("Tổng thống Indonesia Joko Widodo thúc đẩy các dự án tại Viêng Chăn ngày 3/6/2024.") == [])
        #expect(Self.gatheringVisits("Cùng có mặt tại Viêng Chăn dự hội nghị ngày 3/6/2024 có Tổng thống Indonesia Joko Widodo và Thủ tướng Malaysia Anwar Ibrahim.")
                == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"])
    }

    @Test("a list of participants goes on past a relative clause about one of them, before or after the cue")
    func listPastARelativeClause() {
        let after = Self.gatheringVisits(
            "Also attending the summit in Vientiane on June 3 were Indonesia's Joko Widodo, whose country chairs next year, Malaysia's Anwar Ibrahim and Japanese Prime Minister Fumio Kishida.")
        #expect(after == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Fumio Kishida -> LAO 2024-06-03 occurred",
                          "Joko Widodo -> LAO 2024-06-03 occurred"])
        let before = Self.gatheringVisits(
            "The regional summit opened in Vientiane on June 3. Indonesian President Joko Widodo, whose country chairs next year, Malaysian Prime Minister Anwar Ibrahim and Japanese Prime Minister Fumio Kishida were among the leaders.")
        #expect(before == after)
        let other = Self.gatheringVisits(
            "Among the other leaders at the summit in Vientiane on June 3 were Indonesia's Joko Widodo and Malaysia's Anwar Ibrahim.")
        #expect(other == ["Anwar Ibrahim -> LAO 2024-06-03 occurred", "Joko Widodo -> LAO 2024-06-03 occurred"])
    }

    @Test("the one sent to a gathering takes part, the sender does not")
    func sentToTheGathering() {
        #expect(Self.gatheringVisits("Indonesian President Joko Widodo sent Foreign Minister Retno Marsudi to the summit in Vientiane on June 3.")
                == ["Retno Marsudi -> LAO 2024-06-03 occurred"])
        #expect(Self.gatheringVisits("Hội nghị thượng đỉnh tại Viêng Chăn ngày 3/6: Indonesia cử Ngoại trưởng Retno Marsudi tham dự.")
                == ["Retno Marsudi -> LAO 2024-06-03 occurred"])
    }

    @Test("a clause after the relative clause that does not go on with a person ends the list")
    func relativeClauseThenAnotherClause() {
        let visits = Self.gatheringVisits(
            "Also attending the summit in Vientiane on June 3 was Indonesia's Joko Widodo, who met Anwar Ibrahim in Kuala Lumpur last week, a city Japanese Prime Minister Fumio Kishida toured in May.")
        #expect(visits == ["Joko Widodo -> LAO 2024-06-03 occurred"])
    }
}

@Suite("Dateline places")
struct DatelinePlaceTests {
    @Test("a dateline's parts lose the spaces Foundation's trimming of .whitespaces takes off, and only those",
          arguments: [" Nusa Dua", "Indonesia ", "\tHà Nội\u{00A0}", "\u{2003}Paris\u{3000}", " ", "", "\u{1680}Oslo",
                      "Nairobi\n", " a\u{0301} ", "\u{200B}Bern", "\u{205F}Rome\u{202F}", "\u{200C}Kyiv", "\u{FEFF}Riga"])
    func trimmed(_ part: String) {
        #expect(String(GatheringPlace.trimmingSpaces(Substring(part))) == part.trimmingCharacters(in: .whitespaces))
    }

    @Test("a venue named with its city places the gathering in that city ('at Expo City Dubai')")
    func venueEndingInItsCity() {
        #expect(GatheringTests.gatheringVisits("The climate summit opened at Expo City Dubai on June 3. Indonesian President Joko Widodo also attended.")
            == ["Joko Widodo -> ARE 2024-06-03 occurred"])
    }

    @Test("a dateline in capitals without a date ('VIENTIANE - ') places the article's gathering when the lead reports one")
    func undatedDateline() {
        let gathering = "Leaders meet in Laos\n\nVIENTIANE - Leaders of the region gathered for the regional summit on June 3.\n\nThe talks ran late. Indonesian President Joko Widodo was there."
        #expect(GatheringTests.gatheringVisits(gathering) == ["Joko Widodo -> LAO 2024-06-03 occurred"])
        // A lead with no gathering: the tag places nothing ("X postponed his trip"), nor does a tag naming no city.
        let noGathering = "Trip off\n\nVIENTIANE - The Lao president postponed his trip to Hanoi on June 3.\n\nThe talks ran late. Indonesian President Joko Widodo was there."
        #expect(GatheringTests.gatheringVisits(noGathering) == [])
        let paper = "Leaders meet\n\nTTO - Leaders of the region gathered for the regional summit on June 3.\n\nThe talks ran late. Indonesian President Joko Widodo was there."
        #expect(GatheringTests.gatheringVisits(paper) == [])
    }

    @Test("each item of a list of who comes, opening with a person, is an attendance: planned, negated or done as its words say")
    func attendanceList() {
        let text = """
            Who is coming to Vientiane

            The regional summit opens in Vientiane on June 20. Here is our guide to the main names:

            - Joko Widodo, the Indonesian president, is expected on June 19.
            - Prabowo Subianto, who has not attended since 2019.
            - Anwar Ibrahim (Malaysia) arrived on June 14.
            - Sonexay Siphandone (Laos) will welcome the leaders.
            - Fumio Kishida.
            """
        let c = Fixtures.corpus(text, date: "2024-06-15", gazetteer: Fixtures.fullGazetteer)
        let visits = c.visits.map { "\(c.entities[$0.visitor].name) -> \($0.destination) \($0.start?.iso ?? "?") \($0.status.rawValue)" }.sorted()
        #expect(visits == ["Anwar Ibrahim -> LAO 2024-06-14 occurred", "Joko Widodo -> LAO 2024-06-19 planned",
                           "Prabowo Subianto -> LAO 2024-06-20 negated"])
        #expect(c.visits.contains { $0.ruleSet.contains(.visitAttendanceListItem) })
    }
}
