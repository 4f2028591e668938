import Foundation
import Testing
@testable import Corrections
@testable import CorpusModel

/// Corrections applied to the sample model: each action changes what it says, marks what it changed, and one
/// that matches nothing or several things is reported with its file and line.
@Suite("corrections applied")
struct ApplyTests {
    static let c = Sample.corpus

    /// The id of the visit of `visitor` to `destination` starting at `start`.
    static func id(_ visitor: String, _ destination: String, _ start: String) -> String {
        let i = c.visits.indices.first { c.entities[c.visits[$0].visitor].id == visitor && c.visits[$0].destination == destination && c.visits[$0].start?.iso == start }!
        return c.visitIDs[i]
    }
    static func visit(_ id: String, in corpus: Corpus) -> Visit? {
        corpus.visitIDs.firstIndex(of: id).map { corpus.visits[$0] }
    }

    @Test func theFlowFormRejectsAndAmends() throws {
        let rejected = Self.id("kim-yong-nam", "VNM", "2001"), amended = Self.id("kim-jong-un", "VNM", "2019-02-27")
        let (corpus, diagnostics) = try Sample.apply("""
        corrections: [ {reject: \(rejected), reason: not a visit, by: an}, {amend: \(amended), set: {start: 2019-02-26, kind: state}} ]
        """)
        #expect(diagnostics.isEmpty)
        #expect(corpus.visits.count == Self.c.visits.count - 1)
        #expect(Self.visit(rejected, in: corpus) == nil)
        let visit = try #require(Self.visit(amended, in: corpus))
        #expect(visit.start?.iso == "2019-02-26")
        #expect(visit.kind == .state)
        let i = corpus.visitIDs.firstIndex(of: amended)!
        #expect(corpus.corrections.visits[i]?.map(\.action) == ["amend start, kind"])
        #expect(corpus.corrections.visits[i]?.first?.line == 1)
        #expect(corpus.corrections.applied == 2)
        // The rejected visit's timeline event is gone too; the others keep their ids.
        #expect(!corpus.identifiedTimeline.contains { $0.stableID == rejected })
        #expect(Set(corpus.visitIDs).isSubset(of: Set(Self.c.visitIDs)))
    }

    @Test func acceptMarksTheFactAndChangesNothingElse() throws {
        let accepted = Self.id("kim-jong-un", "VNM", "2019-02-27")
        let (corpus, diagnostics) = try Sample.apply("""
        - {accept: \(accepted), by: an, reason: checked}
        - accept: {visitor: Kim Il Sung, destination: VNM, date: 1964-11-10}
        - accept: v-nobody-VNM-2019-000000
        """)
        #expect(diagnostics.map(\.description) == ["corrections.yaml:3: error: correction not applied: no visit or event has the id 'v-nobody-VNM-2019-000000'"])
        #expect(corpus.visits == Self.c.visits && corpus.visitIDs == Self.c.visitIDs)
        #expect(corpus.corrections.applied == 2)
        let i = try #require(corpus.visitIDs.firstIndex(of: accepted))
        #expect(corpus.corrections.visits[i]?.map(\.summary) == ["accept (corrections.yaml:1, by an, checked)"])
        #expect(corpus.corrections.visits.values.flatMap { $0 }.filter(\.isAcceptance).count == 2)
        // The review selection leaves the accepted visits out.
        let listed = Set(ReviewSelection(minimumConfidence: 1.01).candidates(in: corpus).map(\.visit))
        #expect(listed.count == corpus.visits.count - 2)
        #expect(!listed.contains(i))
    }

    @Test func theBlockFormReadsTheSame() throws {
        let rejected = Self.id("kim-yong-nam", "VNM", "2001"), amended = Self.id("kim-jong-un", "VNM", "2019-02-27")
        let flow = try Sample.apply("corrections: [ {reject: \(rejected)}, {amend: \(amended), set: {start: 2019-02-26, kind: state}} ]").0
        let block = try Sample.apply("""
        corrections:
          - reject: \(rejected)
          - amend: \(amended)
            set:
              start: 2019-02-26
              kind: state
        """).0
        #expect(block.visitIDs == flow.visitIDs)
        #expect(block.visits == flow.visits)
        #expect(block.corrections.visits[block.visitIDs.firstIndex(of: amended)!]?.first?.line == 3)
    }

    @Test func aVisitIsNamedByVisitorDestinationAndDate() throws {
        let (corpus, diagnostics) = try Sample.apply("""
        - reject: {visitor: Kim Il Sung, destination: vnm, date: 1964-11-10}
        - amend: {visitor: pham-van-dong, destination: PRK, date: 1961}
          set: {end: 1961-07, level: head_of_state, status: planned, destination: KOR, city: null}
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(Self.visit(Self.id("kim-il-sung", "VNM", "1964-11"), in: corpus) == nil)
        let v = try #require(Self.visit(Self.id("pham-van-dong", "PRK", "1961-06"), in: corpus))
        #expect(v.end?.iso == "1961-07" && v.level == .headOfState && v.status == .planned && v.destination == "KOR")
    }

    @Test func anAmendedVisitorTakesTheirCountry() throws {
        let id = Self.id("donald-trump", "VNM", "2019-02-27")
        let (corpus, diagnostics) = try Sample.apply("- {amend: \(id), set: {visitor: to-lam}}")
        #expect(diagnostics.isEmpty)
        let v = try #require(Self.visit(id, in: corpus))
        #expect(corpus.entities[v.visitor].id == "to-lam" && v.visitorCountry == "VNM")
    }

    @Test func anEventIsRejectedOrAmendedByItsId() throws {
        let meeting = try #require(Self.c.eventIDs.first { $0.hasPrefix("e-meeting-") })
        let anniversary = try #require(Self.c.eventIDs.first { $0.hasPrefix("e-anniversary-") })
        let (corpus, diagnostics) = try Sample.apply("""
        - reject: \(meeting)
        - amend: \(anniversary)
          set: {start: 2025-10-10, status: planned}
        - amend: \(anniversary)
          set: {kind: state}
        """)
        #expect(!corpus.eventIDs.contains(meeting))
        let i = try #require(corpus.eventIDs.firstIndex(of: anniversary))
        #expect(corpus.events[i].start?.iso == "2025-10-10" && corpus.events[i].status == .planned)
        #expect(corpus.identifiedTimeline.first { $0.stableID == anniversary }?.corrections.count == 1)
        #expect(diagnostics.map(\.description) == ["corrections.yaml:4: error: correction not applied: an event's 'kind' cannot be amended (only start, end, city and status); it is a visit's field"])
    }

    @Test func aVisitIsAddedFromAQuoteOrASentenceNumber() throws {
        let document = "2025-10-09-vns-to-lam-kim-jong-un-talks-pyongyang.txt"
        let text = Self.c.documents.first { $0.name == document }!.sentenceText(0)
        let quote = String(text.split(separator: " ").prefix(6).joined(separator: " "))
        let (corpus, diagnostics) = try Sample.apply("""
        - add: {visitor: Pham Minh Chinh, destination: CHN, start: 2025-10-10, kind: working, document: \(document), quote: "\(quote)"}
          reason: the text supports it
        - add: {visitor: luong-cuong, destination: LAO, start: 2025-11, document: \(document), sentence: 2}
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(corpus.visits.count == Self.c.visits.count + 2)
        let added = Array(corpus.visits.suffix(2))
        #expect(corpus.entities[added[0].visitor].id == "pham-minh-chinh" && added[0].kind == .working && added[0].destination == "CHN")
        #expect(added[0].mentions == [Mention(document: Self.c.documents.firstIndex { $0.name == document }!, sentence: 0)])
        #expect(added[1].mentions.first?.sentence == 1 && added[1].start?.iso == "2025-11")
        #expect(corpus.visitIDs.suffix(2).allSatisfy { $0.hasPrefix("v-") })
        #expect(corpus.corrections.visits[corpus.visits.count - 2]?.first?.reason == "the text supports it")
    }

    @Test func personsAreMergedAndAliasesAdded() throws {
        let (corpus, diagnostics) = try Sample.apply("""
        - merge: kim-yong-il
          into: kim-jong-un
        - alias: Comrade Chairman
          entity: kim-jong-un
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let kim = try #require(corpus.entityIndex(id: "kim-jong-un"))
        let oldName = Self.c.entities[Self.c.entityIndex(id: "kim-yong-il")!].name
        #expect(corpus.entities[kim].aliases.contains(oldName))
        #expect(corpus.entities(named: "Comrade Chairman") == [kim])
        #expect(!corpus.visits.contains { corpus.entities[$0.visitor].id == "kim-yong-il" })
        let moved = Self.visit(Self.id("kim-yong-il", "VNM", "2007"), in: corpus)
        #expect(moved.map { corpus.entities[$0.visitor].id } == "kim-jong-un")
        #expect(corpus.corrections.entities[kim]?.count == 2)
    }

    @Test func whatMatchesNothingOrSeveralThingsIsReportedByFileAndLine() throws {
        let known = Self.id("to-lam", "PRK", "2025-10-09")
        let typo = String(known.dropLast()) + "x"
        let (corpus, diagnostics) = try Sample.apply("""
        - reject: \(typo)
        - reject: {visitor: to-lam, destination: FRA, date: 2025}
        - reject: {visitor: to-lam, destination: PRK, date: 2025-10-09}
        - reject: \(known)
        - add: {visitor: kim-jong-un, destination: VNM, start: 2019-02, status: planned, document: 2019-02-23-dtinews-kim-jong-un-to-visit-vietnam.txt, sentence: 1}
        - reject: {visitor: kim-jong-un, destination: VNM, date: 2019-02}
        - add: {visitor: to-lam, destination: PRK, document: nowhere.txt, sentence: 1}
        - add: {visitor: to-lam, destination: PRK, document: 2025-10-08-vi-to-lam-visit-dprk-announced.txt, quote: "no such words anywhere"}
        - add: {visitor: to-lam, destination: PRK, document: 2025-10-08-vi-to-lam-visit-dprk-announced.txt, sentence: 9999}
        - add: {visitor: nong-duc-manh, destination: PRK, start: 2007, document: 2025-10-08-vi-to-lam-visit-dprk-announced.txt, sentence: 1}
        - alias: Tô Lâm
          entity: to-lam
        - merge: nobody-at-all
          into: to-lam
        - amend: \(Self.id("le-hong-anh", "PRK", "2008"))
          set: {destination: XYZ}
        """)
        let lines = diagnostics.map(\.description)
        #expect(lines.count == 11, "\(lines)")
        #expect(lines[0] == "corrections.yaml:1: error: correction not applied: no visit or event has the id '\(typo)' (did you mean '\(known)'?)")
        #expect(lines[1] == "corrections.yaml:2: error: correction not applied: no visit of to-lam to FRA on 2025")
        #expect(lines[2] == "corrections.yaml:4: error: correction not applied: '\(known)' was already rejected by an earlier correction")
        #expect(lines[3].hasPrefix("corrections.yaml:6: error: correction not applied: 2 visits of kim-jong-un to VNM on 2019-02: "))
        #expect(lines[4] == "corrections.yaml:7: error: correction not applied: no document is named 'nowhere.txt'")
        #expect(lines[5].hasPrefix("corrections.yaml:8: error: correction not applied: the quote 'no such words anywhere' is in no sentence"))
        #expect(lines[6].contains("corrections.yaml:9:") && lines[6].contains("there is no sentence 9999"))
        #expect(lines[7] == "corrections.yaml:10: error: correction not applied: the visit to add is already in the model as \(Self.id("nong-duc-manh", "PRK", "2007"))")
        #expect(lines[8] == "corrections.yaml:11: error: correction not applied: to-lam is already called 'Tô Lâm'")
        #expect(lines[9] == "corrections.yaml:13: error: correction not applied: no person has the id or name 'nobody-at-all'")
        #expect(lines[10].hasPrefix("corrections.yaml:15: error: correction not applied: no country has the code 'XYZ'"))
        #expect(corpus.corrections.applied == 2)
    }

    @Test func aQuoteFoundInSeveralSentencesIsAmbiguous() throws {
        let (_, diagnostics) = try Sample.apply("""
        - add: {visitor: to-lam, destination: PRK, start: 2030, document: 2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt, quote: "the"}
        """)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message.contains("sentences of 2025-10-09-hanoitimes-to-lam-state-visit-dprk.txt") == true)
        #expect(diagnostics.first?.message.hasSuffix("quote more, or give 'sentence'") == true)
    }

    @Test func noCorrectionsLeaveTheModelAsBuilt() {
        let (corpus, diagnostics) = CorrectionsApplier.apply(CorrectionSet(), to: Self.c)
        #expect(diagnostics.isEmpty && corpus.visitIDs == Self.c.visitIDs && corpus.corrections.applied == 0)
    }
}
