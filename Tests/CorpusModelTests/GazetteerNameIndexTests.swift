import Foundation
import Testing
@testable import CorpusModel

/// A gazetteer read from its snapshot keeps its name index there until the index is first used
/// (`PendingNameIndex`); it must answer every lookup as the gazetteer loaded from the files does.
@Suite("the gazetteer's name index, decoded on first use")
struct GazetteerNameIndexTests {
    /// Read from the files, never from a snapshot.
    static let loaded = Gazetteer.loadFromFiles(directories: [Fixtures.root.appendingPathComponent("Data/gazetteer")]).0

    /// The repository's gazetteer written to a snapshot of its own and read back.
    static func readBack() throws -> Gazetteer {
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(loaded, [], key: key)
        defer { try? FileManager.default.removeItem(at: GazetteerCache.url(for: key)) }
        return try #require(GazetteerCache.read(key: key)).0
    }

    /// Every written form of every entity's names, as the index keys them.
    static var everyName: [String] {
        loaded.entities.flatMap { [$0.name, $0.id] + $0.aliases + $0.demonyms + $0.short + ($0.alpha2.map { [$0] } ?? []) }
    }

    static func sameAnswers(_ a: Gazetteer, _ b: Gazetteer, for names: [String]) -> Bool {
        names.allSatisfy { name in
            a.refs(forKey: Fold.key(name)) == b.refs(forKey: Fold.key(name))
                && a.shortRefs(forKey: Fold.key(name)) == b.shortRefs(forKey: Fold.key(name))
                && a.isExactSingle(Fold.lowerKey(name)) == b.isExactSingle(Fold.lowerKey(name))
        }
    }

    @Test func everyNameIsFoundAsInTheLoadedGazetteer() throws {
        let cached = try Self.readBack()
        let names = Self.everyName
        #expect(names.count > 10_000)
        #expect(Self.sameAnswers(cached, Self.loaded, for: names + ["Bí", "Bỉ", "no such place at all"]))
        var decoded = cached
        decoded.decodeNameIndex()
        #expect(Self.sameAnswers(decoded, Self.loaded, for: names))
    }

    @Test func threadsThatFirstUseItAtOnceGetTheSameIndex() throws {
        let cached = try Self.readBack()
        let names = Array(Self.everyName.prefix(2_000))
        let agreed = Tally()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            if Self.sameAnswers(cached, Self.loaded, for: names) { agreed.add() }
        }
        #expect(agreed.count == 8)
    }

    @Test func anEntityAddedToASnapshotsGazetteerIsIndexedWithTheOthers() throws {
        let before = try Self.readBack()
        var after = before
        after.add(Entity(id: "test-person-added", kind: .person, name: "Qwerty Zyxwv", short: ["Zyxwv"]))
        #expect(after.lookup("Qwerty Zyxwv").map(\.id) == ["test-person-added"])
        #expect(after.shortRefs(forKey: Fold.key("Zyxwv")) == [Int32(after.entities.count - 1)])
        #expect(before.lookup("Qwerty Zyxwv").isEmpty)
        #expect(Self.sameAnswers(after, Self.loaded, for: Array(Self.everyName.prefix(2_000))))
    }

    /// A builder's gazetteer tests a prefilter of the name keys before the table (`KeyPrefilter`): it must let every
    /// name through, keep most other keys out, and let a name added afterwards be found.
    @Test func thePrefilterOfABuildersGazetteerLetsEveryNameThrough() {
        var prepared = Self.loaded
        prepared.prepareNameLookups()
        #expect(Self.sameAnswers(prepared, Self.loaded, for: Self.everyName + ["Bí", "Bỉ", "no such place at all"]))
        prepared.add(Entity(id: "test-person-added", kind: .person, name: "Qwerty Zyxwv", short: ["Zyxwv"]))
        #expect(prepared.lookup("Qwerty Zyxwv").map(\.id) == ["test-person-added"])
    }

    @Test func aPrefilterKeepsMostAbsentKeysOut() {
        var table = KeyTable()
        for i in 0..<5_000 { table.set(Fold.key("present name \(i)"), 1) }
        let filter = KeyPrefilter(table)
        #expect((0..<5_000).allSatisfy { filter.mayContain(Fold.key("present name \($0)")) })
        let passed = (0..<20_000).filter { filter.mayContain(Fold.key("absent name \($0)")) }.count
        #expect(passed < 20_000 / 4) // about one in eight with eight bits per key
        #expect(KeyPrefilter().mayContain(Fold.key("absent name 1"))) // the empty filter lets everything through
    }

    /// Where the name index starts in a snapshot's bytes (after the header and the entities).
    static func nameIndexStart(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { raw in
            var r = GazetteerCache.Reader(b: raw)
            _ = r.u64(); _ = r.u64()
            _ = r.encodedEntities(count: r.count(30))
            return r.i
        }
    }

    @Test("a damaged name index is refused when the snapshot is read, not when the index is first used",
          arguments: ["a table size that is no power of two", "a name of an entity past the last"])
    func aDamagedNameIndexIsRefused(damage: String) throws {
        let key = UInt64.random(in: 1...UInt64.max)
        GazetteerCache.write(Self.loaded, [], key: key)
        let url = GazetteerCache.url(for: key)
        defer { try? FileManager.default.removeItem(at: url) }
        var bytes = [UInt8](try Data(contentsOf: url))
        let start = Self.nameIndexStart(bytes)
        #expect(GazetteerCache.read(key: key) != nil)
        if damage.hasPrefix("a table size") {
            bytes.replaceSubrange(start..<(start + 4), with: [17, 0, 0, 0])
        } else {
            // After the two tables (size, keys, values), the first key with several entities: its first entity.
            var at = start
            for _ in 0..<2 {
                let n = bytes[at..<(at + 4)].reversed().reduce(0) { $0 << 8 | Int($1) }
                at += 4 + n * 12
            }
            #expect(bytes[at..<(at + 4)] != [0, 0, 0, 0])
            at += 4 + 8 + 4
            bytes.replaceSubrange(at..<(at + 4), with: [0xFF, 0xFF, 0xFF, 0x00])
        }
        try Data(bytes).write(to: url)
        #expect(GazetteerCache.read(key: key) == nil)
    }
}

/// A count that several threads add to.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func add() { lock.lock(); value += 1; lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return value }
}
