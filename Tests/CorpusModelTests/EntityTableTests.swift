import Foundation
import Testing
@testable import CorpusModel

/// A model's entities: the gazetteer's array shared, then the corpus's own, read as one array.
@Suite("entity table")
struct EntityTableTests {
    let gazetteer = [Entity(id: "VNM", kind: .country, name: "Vietnam"), Entity(id: "to-lam", kind: .person, name: "Tô Lâm")]
    let own = [Entity(id: "person-1", kind: .person, name: "Ana Quenta", discovered: true)]

    @Test func itReadsAsTheArrayOfBothParts() {
        let table = EntityTable(gazetteer: gazetteer, own: own)
        let all = gazetteer + own
        #expect(table.count == 3 && Array(table) == all)
        #expect(table.indices.allSatisfy { table[$0] == all[$0] })
        #expect(table[2].discovered && table.firstIndex { $0.id == "person-1" } == 2)
        #expect(table[2...].map(\.id) == ["person-1"])
        #expect(EntityTable(gazetteer: [], own: []).isEmpty && EntityTable(gazetteer: gazetteer, own: []).count == 2)
    }

    @Test func itIsDumpedAndComparedAsTheArray() {
        let split = EntityTable(gazetteer: gazetteer, own: own), whole = EntityTable(gazetteer + own)
        #expect(split == whole && split != EntityTable(gazetteer))
        var a = "", b = ""
        dump(split, to: &a)
        dump(whole, to: &b)
        #expect(a == b && a.contains("Ana Quenta"))
    }

    @Test func aCorpusIndexesItsEntitiesAsBefore() {
        var g = Gazetteer()
        for e in gazetteer { g.add(e) }
        let corpus = Corpus(entities: EntityTable(gazetteer: g.entities, own: own), gazetteer: g)
        #expect(corpus.entityIndex(id: "person-1") == 2 && corpus.entityIndex(id: "to-lam") == 1)
        #expect(corpus.entities(named: "ana quenta") == [2])
    }
}
