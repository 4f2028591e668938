import Foundation
import Testing
@testable import CorpusModel

/// Candidates proposed for a carried subject (rule visit.proposed-subject): the foreign places of a sentence in
/// which no one named may travel, for the person the paragraph or the list is about.
@Suite("Subject proposals")
struct SubjectProposalTests {
    static func subjectProposals(_ text: String, date: String) -> [ProposedVisitTests.Proposal] {
        ProposedVisitTests.proposals(text, date: date).proposed.filter { $0.features[.subject] == 1 }
    }

    static let busyMonth = """
    A busy month

    Narendra Modi arrived in Tokyo on August 30, 2014 for a five-day stay. The trip's final day, September 3, 2014, \
    brought a pledge of investment, and a week later the itinerary pointed to Nepal on September 10, 2014.
    """

    @Test("a sentence with places and no traveller proposes them for the paragraph's subject, dated as a proposal is")
    func thePlacesGoToTheSubject() {
        let proposed = Self.subjectProposals(Self.busyMonth, date: "2014-09-12")
        let nepal = proposed.first { $0.destination == "NPL" }
        #expect(nepal?.visitor == "Narendra Modi", "\(proposed.map { "\($0.visitor) \($0.destination)" })")
        #expect(nepal?.start == "2014-09-10")
        #expect(nepal?.features[.subjectListProtagonist] == nil)
    }

    @Test("a recalled trip, which salience passes over, still carries its visitor to the paragraph's next sentence")
    func aRecalledTripCarriesItsVisitor() {
        let proposed = Self.subjectProposals(Self.busyMonth, date: "2020-01-10")
        #expect(proposed.contains { $0.destination == "NPL" && $0.visitor == "Narendra Modi" },
                "\(proposed.map { "\($0.visitor) \($0.destination)" })")
    }

    @Test("a sentence naming someone who may travel proposes nothing for a carried subject")
    func aNamedTravellerComesFirst() {
        let text = """
        A busy month

        Narendra Modi arrived in Tokyo on August 30, 2014. On September 10, 2014 Shinzo Abe spoke of Nepal.
        """
        let proposed = Self.subjectProposals(text, date: "2014-09-12")
        #expect(proposed.isEmpty, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
    }

    @Test("with no one the paragraph is about, nothing is proposed")
    func noSubjectNoProposal() {
        let proposed = Self.subjectProposals("A busy month\n\nOn September 10, 2014 the talks turned to Nepal and Bhutan.", date: "2014-09-12")
        #expect(proposed.isEmpty, "\(proposed.map { "\($0.visitor) \($0.destination)" })")
    }
}
