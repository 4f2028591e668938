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
        #expect(ids.count > 8_000)
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

    @Test func countriesAreFoundBeforeAndAfterTheWholeIndexIsMade() throws {
        let cached = try GazetteerNameIndexTests.readBack()
        let codes = Self.loaded.entities.map(\.id) + ["no-such-country", "vnm", ""]
        #expect(codes.allSatisfy { cached.country($0)?.id == Self.loaded.country($0)?.id })
        #expect(cached.country("VNM")?.kind == .country && cached.country("to-lam") == nil)
        _ = cached.index(ofID: "VNM") // the whole index made
        #expect(codes.allSatisfy { cached.country($0)?.id == Self.loaded.country($0)?.id })
    }
}

/// The snapshot is mapped only while it is read; the name index is read from the open file when first used.
@Suite("the gazetteer snapshot's file")
struct GazetteerSnapshotFileTests {
    @Test func aSnapshotReplacedAfterItWasReadStillGivesItsNameIndex() throws {
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(GazetteerNameIndexTests.loaded, [], key: key)
        let url = GazetteerCache.url(for: key)
        defer { try? FileManager.default.removeItem(at: url) }
        let cached = try #require(GazetteerCache.read(key: key)).0
        // Replaced as snapshots are, by a rename: the open descriptor keeps the bytes that were checked.
        let other = url.appendingPathExtension("other")
        try Data("not a snapshot".utf8).write(to: other)
        #expect(rename(other.path, url.path) == 0)
        let names = Array(GazetteerNameIndexTests.everyName.prefix(2_000))
        #expect(GazetteerNameIndexTests.sameAnswers(cached, GazetteerNameIndexTests.loaded, for: names))
    }

    @Test func aSnapshotTruncatedInPlaceAfterItWasReadLeavesItsEntitiesReadable() throws {
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(GazetteerNameIndexTests.loaded, [], key: key)
        let url = GazetteerCache.url(for: key)
        defer { try? FileManager.default.removeItem(at: url) }
        let cached = try #require(GazetteerCache.read(key: key)).0
        let file = try #require(GazetteerSnapshotFile(path: url.path))
        let size = file.size
        #expect(file.bytes(0..<16)?.count == 16)
        #expect(truncate(url.path, 16) == 0)
        // No mapping is left to lose its pages (it ended the process with SIGBUS): the entities were decoded.
        #expect(cached.entities.map(\.id) == GazetteerNameIndexTests.loaded.entities.map(\.id))
        #expect(file.bytes(0..<16)?.count == 16)
        #expect(file.bytes(1_000..<size) == nil)
    }
}
