import Foundation
import Testing
@testable import CorpusModel

/// A gazetteer read from its snapshot keeps its entities encoded and decodes each when first read
/// (`GazetteerEntities`, `PendingEntities`); they must be the entities of the gazetteer loaded from the files.
@Suite("the gazetteer's entities, decoded when first read")
struct GazetteerEntitiesTests {
    static let loaded = GazetteerNameIndexTests.loaded

    @Test func aSnapshotsEntitiesAreStillEncodedAfterTheRead() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        #expect(cached.entities.isPending)
        #expect(cached.entities.count == Self.loaded.entities.count)
        #expect(Self.loaded.entities.count > 9_000)
        #expect(!Self.loaded.entities.isPending)
    }

    @Test func everyEntityReadInAnyOrderIsTheLoadedGazetteers() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        var order = Array(Self.loaded.entities.indices)
        order.shuffle()
        let differing = order.filter { cached.entities[$0] != Self.loaded.entities[$0] }
        #expect(differing.isEmpty)
        // Read twice: the second read gives what the first decoded.
        #expect(order.prefix(500).allSatisfy { cached.entities[$0] == Self.loaded.entities[$0] })
    }

    @Test func theWholeArrayIdsAndKindsAreTheLoadedGazetteers() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        _ = cached.entities[7] // one decoded before the rest
        #expect(cached.entities.array == Self.loaded.entities.array)
        #expect(cached.entities.ids == Self.loaded.entities.map(\.id))
        #expect(cached.entities.indices.allSatisfy { cached.entities.kind(at: $0) == Self.loaded.entities[$0].kind })
        var decoded = cached
        decoded.decodeNameIndex()
        #expect(!decoded.entities.isPending)
        #expect(decoded.entities.array == Self.loaded.entities.array)
    }

    @Test func threadsThatFirstReadAtOnceGetTheSameEntities() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        let agreed = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            // Each thread from another place, so that first reads of the same entity meet.
            let count = cached.entities.count
            let indices = (0..<count).map { ($0 + thread * count / 8) % count }
            if indices.allSatisfy({ cached.entities[$0] == Self.loaded.entities[$0] }) { agreed.add() }
        }
        #expect(agreed.count == 8)
    }

    @Test func changingASnapshotsGazetteerDecodesItsEntitiesAndLeavesTheCopyBefore() throws {
        let before = try GazetteerNameIndexTests.readBack()
        let person = try #require(before.entities.indices.first { before.entities[$0].kind == .person })
        var after = before
        after.setGender(.female, ofPerson: person)
        after.add(Entity(id: "test-person-added", kind: .person, name: "Qwerty Zyxwv"))
        #expect(!after.entities.isPending)
        #expect(after.entities[person].gender == .female)
        #expect(after.entities.last?.id == "test-person-added")
        #expect(after.entities.count == Self.loaded.entities.count + 1)
        #expect(before.entities.isPending)
        #expect(before.entities[person] == Self.loaded.entities[person])
        #expect(before.entities.count == Self.loaded.entities.count)
    }

    @Test("a damaged entity is refused when the snapshot is read, not when it is first read",
          arguments: ["an unknown kind", "a string longer than the file"])
    func aDamagedEntityIsRefused(damage: String) throws {
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(Self.loaded, [], key: key)
        let url = GazetteerCache.url(for: key)
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = [UInt8](try Data(contentsOf: url))
        #expect(GazetteerCache.read(key: key) != nil)
        // The header (magic, key), the entity count, then the first entity: its id (length, bytes), its kind.
        let idStart = 8 + 8 + 4
        let idLength = bytes[idStart..<(idStart + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
        if damage == "an unknown kind" {
            bytes[idStart + 4 + idLength] = UInt8(EntityKind.allCases.count)
        } else {
            bytes.replaceSubrange(idStart..<(idStart + 4), with: [0xFF, 0xFF, 0xFF, 0x7F])
        }
        try Data(bytes).write(to: url)
        #expect(GazetteerCache.read(key: key) == nil)
    }
}
