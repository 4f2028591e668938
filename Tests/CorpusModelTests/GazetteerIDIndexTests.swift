import Foundation
import Testing
@testable import CorpusModel

/// A gazetteer read from its snapshot makes its id index when an id is first looked up (`PendingIDIndex`); it must
/// answer as the gazetteer loaded from the files does.
@Suite("the gazetteer's id index, made on first use")
struct GazetteerIDIndexTests {
    static var loaded: Gazetteer { GazetteerNameIndexTests.loaded }

    @Test func everyIDGivesTheEntityOfTheLoadedGazetteer() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        let ids = Self.loaded.entities.map(\.id)
        #expect(ids.count > 10_000)
        #expect(ids.allSatisfy { cached.index(ofID: $0) == Self.loaded.index(ofID: $0) })
        #expect(ids.indices.allSatisfy { cached.index(ofID: ids[$0]) == $0 })
        #expect(cached.entity(id: "VNM")?.name == Self.loaded.entity(id: "VNM")?.name)
        #expect(cached.index(ofID: "no-such-entity") == nil && cached.country("no") == nil)
    }

    @Test func threadsThatFirstLookUpAtOnceAgree() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        let ids = Array(Self.loaded.entities.map(\.id).prefix(3_000))
        let agreed = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if ids.indices.allSatisfy({ cached.index(ofID: ids[$0]) == $0 }) { agreed.add() }
        }
        #expect(agreed.count == 8)
    }

    @Test func anEntityOfAKnownIDAddedToASnapshotsGazetteerIsMerged() throws {
        let before = try GazetteerNameIndexTests.readBack()
        let index = try #require(before.index(ofID: "VNM"))
        var after = before
        let merged = after.add(Entity(id: "VNM", kind: .country, name: "Viet Nam", aliases: ["Qwertyland"]))
        #expect(merged == index && after.entities.count == before.entities.count)
        #expect(after.entities[index].aliases.last == "Qwertyland")
        #expect(!before.entities[index].aliases.contains("Qwertyland"))
        let added = after.add(Entity(id: "test-person-added", kind: .person, name: "Qwerty Zyxwv"))
        #expect(added == before.entities.count && after.index(ofID: "test-person-added") == added)
        #expect(before.index(ofID: "test-person-added") == nil)
    }
}
