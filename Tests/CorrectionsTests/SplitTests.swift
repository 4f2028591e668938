import Foundation
import Testing
@testable import Corrections
@testable import CorpusModel

/// `split` undoes a wrong merge: a person the gazetteer wrongly gives another's name ("Ana Quenta" listed as an alias
/// of Marisol Quenta) holds that person's visits; the split gives the reports that write the name to the other person.
@Suite("split corrections")
struct SplitTests {
    /// Marisol Quenta, President of Bolivia, with a wrong alias: her sister Ana Quenta, the foreign minister.
    static let gazetteer: Gazetteer = {
        var g = Sample.gazetteer
        g.add(Entity(id: "marisol-quenta", kind: .person, name: "Marisol Quenta", aliases: ["Ana Quenta"], country: "BOL",
                     offices: [Office(title: "President of Bolivia", level: .headOfState, country: "BOL", start: PartialDate(iso: "2030-11-08"))]))
        return g
    }()
    static let corpus = CorpusBuilder(gazetteer: gazetteer, jobs: 1).build(texts: [
        ("a.txt", "President Marisol Quenta arrived in Hanoi on Monday for a state visit to Vietnam.\n",
         ManifestEntry(file: "a.txt", date: PartialDate(iso: "2031-03-12"))),
        ("b.txt", "Ana Quenta arrived in Beijing on Tuesday for talks with Chinese leaders.\n",
         ManifestEntry(file: "b.txt", date: PartialDate(iso: "2032-05-20"))),
        ("c.txt", "President Marisol Quenta arrived in Beijing on Tuesday for talks with Chinese leaders.\n",
         ManifestEntry(file: "c.txt", date: PartialDate(iso: "2032-05-20"))),
    ]).0

    static func visits(of person: String, in corpus: Corpus) -> [Int] {
        corpus.visits.indices.filter { corpus.entities[corpus.visits[$0].visitor].id == person }
    }

    @Test func theReportsThatWriteTheOtherNameGoToANewPerson() throws {
        let c = Self.corpus
        // The wrong merge: one visit to China, reported by both articles.
        let merged = try #require(Self.visits(of: "marisol-quenta", in: c).first { c.visits[$0].destination == "CHN" })
        #expect(c.visits[merged].mentions.count == 2)
        let (corpus, diagnostics) = try Sample.apply("""
        corrections:
          - split: marisol-quenta
            names: Ana Quenta
            into: {name: Ana Quenta, country: BOL}
            reason: her sister
        """, to: c)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(corpus.corrections.applied == 1)
        let ana = try #require(corpus.entities.firstIndex { $0.id == "ana-quenta" })
        #expect(corpus.entities[ana].country == "BOL")
        let anas = Self.visits(of: "ana-quenta", in: corpus)
        #expect(anas.count == 1)
        let moved = try #require(anas.first)
        #expect(corpus.visits[moved].destination == "CHN")
        #expect(corpus.visits[moved].mentions.map { corpus.documents[$0.document].name } == ["b.txt"])
        #expect(corpus.visitIDs[moved].hasPrefix("v-ana-quenta-CHN-2032-05-18-"))
        // Marisol keeps her two visits, the Chinese one with her own report only, under the id it had.
        let kept = try #require(corpus.visitIDs.firstIndex(of: c.visitIDs[merged]))
        #expect(corpus.entities[corpus.visits[kept].visitor].id == "marisol-quenta")
        #expect(corpus.visits[kept].mentions.map { corpus.documents[$0.document].name } == ["c.txt"])
        #expect(Self.visits(of: "marisol-quenta", in: corpus).count == 2)
        // Both halves say so; the untouched visit does not.
        #expect(corpus.corrections.visits[moved]?.map(\.action) == ["split marisol-quenta into ana-quenta"])
        #expect(corpus.corrections.visits[moved]?.first?.reason == "her sister")
        #expect(corpus.corrections.visits[kept]?.map(\.action) == ["split marisol-quenta into ana-quenta"])
        let vietnam = try #require(Self.visits(of: "marisol-quenta", in: corpus).first { corpus.visits[$0].destination == "VNM" })
        #expect(corpus.corrections.visits[vietnam] == nil)
        // The wrong alias goes with the reports.
        let marisol = try #require(corpus.entities.first { $0.id == "marisol-quenta" })
        #expect(!marisol.aliases.contains("Ana Quenta"))
    }

    @Test func wholeVisitsGoToAPersonOfTheModelByIdOrDocument() throws {
        let c = Self.corpus
        let vietnam = try #require(Self.visits(of: "marisol-quenta", in: c).first { c.visits[$0].destination == "VNM" })
        let (byID, d1) = try Sample.apply("- {split: marisol-quenta, visits: [\(c.visitIDs[vietnam])], into: evo-morales}\n", to: c)
        #expect(d1.isEmpty, "\(d1)")
        let i = try #require(byID.visitIDs.firstIndex(of: c.visitIDs[vietnam]))
        #expect(byID.entities[byID.visits[i].visitor].id == "evo-morales")
        #expect(byID.visits.count == c.visits.count)
        let (byDocument, d2) = try Sample.apply("- {split: Marisol Quenta, documents: b.txt, into: evo-morales}\n", to: c)
        #expect(d2.isEmpty, "\(d2)")
        #expect(Self.visits(of: "evo-morales", in: byDocument).map { byDocument.visits[$0].mentions.map(\.document) } == [[1]])
    }

    @Test func aSplitThatMatchesNothingIsReportedWithItsLine() throws {
        let c = Self.corpus
        let (corpus, diagnostics) = try Sample.apply("""
        corrections:
          - split: marisol-quenta
            names: [Rosa Quenta]
            into: evo-morales
          - split: marisol-quenta
            documents: d.txt
            into: evo-morales
          - split: marisol-quenta
            names: Ana Quenta
            into: marisol-quenta
          - split: marisol-quenta
            names: Ana Quenta
            into: {name: Marisol Quenta}
        """, to: c)
        #expect(diagnostics.map(\.description) == [
            "corrections.yaml:2: error: correction not applied: no visit or event of marisol-quenta has a report that names 'Rosa Quenta'",
            "corrections.yaml:5: error: correction not applied: no document is named 'd.txt'",
            "corrections.yaml:8: error: correction not applied: 'marisol-quenta' and 'marisol-quenta' are the same person",
            "corrections.yaml:11: error: correction not applied: a person 'marisol-quenta' is already in the model; give 'into: marisol-quenta' to move the reports to them",
        ])
        #expect(corpus.corrections.applied == 0)
        #expect(corpus.visits == c.visits && corpus.entities.count == c.entities.count)
    }
}
