import Foundation
import Testing
@testable import CorpusModel

/// Candidates proposed at a scene (rule visit.proposed-scene): a person of a sentence that names no foreign place,
/// at the place an earlier sentence, the dateline or the paragraph's last visit placed.
@Suite("Scene proposals")
struct SceneProposalTests {
    typealias Proposal = ProposedVisitTests.Proposal

    static func sceneProposals(_ text: String, date: String) -> [Proposal] {
        ProposedVisitTests.proposals(text, date: date).proposed.filter { $0.features[.scene] == 1 }
    }

    @Test("persons listed after a gathering was placed are proposed at it, dated by it; its host's people are not")
    func aListAfterAGatheringIsProposedAtIt() {
        let text = """
        Leaders gather for the summit

        The summit opened in Samarkand on September 15, 2022. Also in the room were Ilham Aliyev, President of Azerbaijan, \
        and Recep Tayyip Erdogan, President of Turkey, while President Shavkat Mirziyoyev of Uzbekistan played host.
        """
        let proposed = Self.sceneProposals(text, date: "2022-09-16")
        let visitors = Set(proposed.filter { $0.destination == "UZB" }.map(\.visitor))
        #expect(visitors.contains("Ilham Aliyev") && visitors.contains("Recep Tayyip Erdoğan"), "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(!proposed.contains { $0.visitor == "Shavkat Mirziyoyev" })
        let aliyev = proposed.first { $0.visitor == "Ilham Aliyev" }
        #expect(aliyev?.start == "2022-09-15")
        #expect(aliyev?.features[.sceneDateline] == nil && aliyev?.features[.scenePreviousVisit] == nil)
        #expect((aliyev?.features[.personsInSentence] ?? 0) > 0)
    }

    @Test("a person's scene proposal that says nothing of its status keeps the plan his proposal of the sentence before told")
    func aPlanCarriesToTheNextSentence() {
        // A blind batch's wire (AX): Marcos's proposal of the summit's sentence is planned ("is to ... join").
        let path = Fixtures.root.appendingPathComponent("Data/batches/AX/wire-kishida-state-visit-washington.txt")
        let text = (try? String(contentsOf: path, encoding: .utf8)) ?? ""
        func marcos(_ text: String) -> [VisitStatus] {
            ProposedVisitTests.proposals(text, date: "2024-04-10").proposed.filter { $0.visitor == "Ferdinand Marcos Jr." && $0.destination == "USA" }.map(\.status)
        }
        // Two proposals: the summit's sentence's, and "Marcos is flying in for the meeting." (occurred by default before).
        #expect(marcos(text).count == 2 && marcos(text).allSatisfy { $0 == .planned }, "\(marcos(text))")
    }

    @Test("a person at home in his sentence, or reached there by phone, gets no scene proposal; one who stayed at home did not come (rules proposed.at-home-excluded, proposed.remote-excluded)")
    func atHomeOrByPhoneIsNotAtTheScene() {
        let scene = "Ties in focus\n\nHANOI, Jan 16 (Wire) - Japanese Prime Minister Shinzo Abe arrived in Hanoi on Monday for talks. "
        for sentence in ["In Sydney on Saturday he and Prime Minister Malcolm Turnbull agreed on a revised pact.",
                         "He later spoke by telephone with Australian Prime Minister Malcolm Turnbull.",
                         "He later telephoned Australian Prime Minister Malcolm Turnbull."] {
            Self.expectProposal(scene + sentence, date: "2017-01-16", of: "Malcolm Turnbull", to: nil)
        }
        Self.expectProposal(scene + "Australian Prime Minister Malcolm Turnbull said on Monday that ties were strong.",
                            date: "2017-01-16", of: "Malcolm Turnbull", to: "VNM")
    }

    @Test("the persons listed after a welcome and 'có'/'were' welcomed the guest: no scene proposal (rule proposed.host-excluded)")
    func welcomersAreHosts() {
        let arrival = "Thủ tướng Phạm Minh Chính tới Thiên Tân ngày 30/8/2025. "
        Self.expectProposal(arrival + "Đón Thủ tướng tại sân bay có Tổng thống Lào Thongloun Sisoulith.", date: "2025-08-30",
                            of: "Thongloun Sisoulith", to: nil)
        Self.expectProposal(arrival + "Tổng thống Lào Thongloun Sisoulith cho biết quan hệ hai nước rất tốt.", date: "2025-08-30",
                            of: "Thongloun Sisoulith", to: "CHN")
    }

    /// `text`'s scene proposals give `visitor` a visit to `destination`, or none at all when it is nil.
    static func expectProposal(_ text: String, date: String, of visitor: String, to destination: String?,
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let proposed = sceneProposals(text, date: date)
        let found = proposed.filter { $0.visitor == visitor }.map(\.destination)
        let listed = proposed.map { "\($0.visitor) \($0.destination)" }
        if let destination {
            #expect(found.contains(destination), "\(listed)", sourceLocation: sourceLocation)
        } else {
            #expect(found.isEmpty, "\(listed)", sourceLocation: sourceLocation)
        }
    }

    @Test("the dateline places the scene of a sentence that names no place")
    func theDatelinePlacesTheScene() {
        let text = """
        Ties in focus

        SAMARKAND, Uzbekistan, Sept 16 (Wire) - The weather was warm. Indian Prime Minister Narendra Modi said on Friday that ties were strong.
        """
        let proposed = Self.sceneProposals(text, date: "2022-09-16")
        let modi = proposed.first { $0.visitor == "Narendra Modi" }
        #expect(modi?.destination == "UZB", "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(modi?.features[.sceneDateline] == 1)
    }

    @Test("a person with a foreign place of his own in the sentence gets no scene proposal")
    func aPlaceOfHisOwnComesFirst() {
        let text = """
        Talks in Astana

        The summit opened in Astana on July 4, 2024. Narendra Modi said on July 4, 2024 that he would travel to Moscow.
        """
        let proposed = Self.sceneProposals(text, date: "2024-07-05")
        #expect(!proposed.contains { $0.visitor == "Narendra Modi" }, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
    }

    @Test("the persons another met at the scene, or a person of the past, are not proposed at it")
    func theMetAndThePastAreNotProposed() {
        let text = """
        Leaders gather for the summit

        The summit opened in Samarkand on September 15, 2022. On this occasion Vladimir Putin held talks with several leaders, \
        including Recep Tayyip Erdogan, President of Turkey. Ilham Aliyev, President of Azerbaijan, spoke of the late President Ho Chi Minh.
        """
        let proposed = Self.sceneProposals(text, date: "2022-09-16")
        #expect(!proposed.contains { $0.visitor == "Recep Tayyip Erdoğan" || $0.visitor == "Hồ Chí Minh" }, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(proposed.contains { $0.visitor == "Vladimir Putin" } && proposed.contains { $0.visitor == "Ilham Aliyev" })
    }

    @Test("with no scene (no gathering, dateline or visit before) nothing is proposed at one")
    func noSceneNoProposal() {
        let proposed = Self.sceneProposals("Analysis\n\nNarendra Modi said on July 4, 2024 that ties were strong.", date: "2024-07-05")
        #expect(proposed.isEmpty, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
    }

    @Test("the paragraph's last visit places the scene of the next sentence")
    func thePreviousVisitPlacesTheScene() {
        let text = """
        A week of diplomacy

        Chinese President Xi Jinping arrived in Astana on July 2, 2024 for a state visit. On July 3, 2024 Vladimir Putin joined him.
        """
        let proposed = Self.sceneProposals(text, date: "2024-07-05")
        let putin = proposed.first { $0.visitor == "Vladimir Putin" }
        #expect(putin?.destination == "KAZ", "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(putin?.features[.scenePreviousVisit] == 1)
        #expect(putin?.start == "2024-07-03")
    }

    @Test("a time of the person's own far from the scene's dates his proposal and is marked")
    func aTimeOfHisOwnElsewhere() {
        let text = """
        Leaders gather for the summit

        The summit opened in Samarkand on September 15, 2022. Ilham Aliyev, President of Azerbaijan, had last come in May 2019.
        """
        let proposed = Self.sceneProposals(text, date: "2022-09-16")
        let aliyev = proposed.first { $0.visitor == "Ilham Aliyev" }
        #expect(aliyev?.destination == "UZB", "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(aliyev?.features[.sceneTimeElsewhere] == 1)
        #expect(aliyev?.start == "2019-05")
    }
}

/// The rule set's words hold every rule of the registry.
@Suite("Rule sets")
struct RuleSetCapacityTests {
    @Test("every rule fits, and a set with one rule holds that rule and no other")
    func everyRuleHasItsOwnBit() {
        #expect(Rule.allCases.count <= RuleSet.capacity)
        for r in Rule.allCases {
            let set = RuleSet([r])
            #expect(set.rules == [r], "\(r.id)")
            var removed = set
            removed.remove(r)
            #expect(removed.isEmpty, "\(r.id)")
        }
        var all = RuleSet()
        for r in Rule.allCases { all.formUnion(RuleSet([r])) }
        #expect(all.rules == Rule.allCases)
    }
}

/// What a sentence says of a proposed visitor himself: one who sends someone, or in whose place someone goes, did
/// not go (rule status.negated.substituted).
@Suite("Proposals: senders and the substituted")
struct ProposalSenderTests {
    @Test("a person who sends someone, or sends his regrets, is proposed as not there", arguments: [
        ("The summit opened in Kuala Lumpur on December 19, 2019. Indonesian President Joko Widodo also sent his regrets.", "2019-12-20"),
        ("Hội nghị khai mạc tại Rio de Janeiro ngày 6/7/2025. Tổng thống Ai Cập Abdel Fattah al-Sisi cử Thủ tướng Mostafa Madbouly dự.", "2025-07-07"),
        ("The summit opened in Kuala Lumpur on December 19, 2019. Indonesian President Joko Widodo, re-elected a few months earlier, sent his foreign minister.", "2019-12-20"),
    ])
    func aSenderStaysAway(_ body: String, _ date: String) {
        let proposed = ProposedVisitTests.proposals("Summit\n\n" + body, date: date).proposed
        let sender = proposed.first { $0.visitor == "Joko Widodo" || $0.visitor == "Abdel Fattah el-Sisi" }
        #expect(sender != nil, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(sender?.features[.statusNegated] == 1)
    }

    @Test("a person after 'thay cho' and his lower-case title is proposed as not there")
    func theSubstitutedStaysAway() {
        let body = "Hội nghị khai mạc tại Rio de Janeiro ngày 6/7/2025. Iran do Bộ trưởng Ngoại giao Abbas Araghchi đại diện thay cho Tổng thống Masoud Pezeshkian."
        let proposed = ProposedVisitTests.proposals("Summit\n\n" + body, date: "2025-07-07").proposed
        let president = proposed.first { $0.visitor == "Masoud Pezeshkian" }
        #expect(president != nil, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(president?.features[.statusNegated] == 1)
        #expect(proposed.first { $0.visitor == "Abbas Araghchi" }?.features[.statusNegated] == nil)
    }
}
