import Foundation

// The gazetteer's entities. A gazetteer read from its snapshot keeps them encoded, as the snapshot has them, and
// decodes an entity when it is first read: a warm run that reports on a corpus's visits reads only those its report
// names, and decoding all ten thousand (about ten strings each) was about a seventh of such a run.

/// The entities of a `Gazetteer`, indexed from 0: an array, or the snapshot's encoded entities decoded one by one
/// when first read. Mutating them (an overlay, a correction, `Gazetteer.add`) decodes them all first.
public struct GazetteerEntities: RandomAccessCollection, Sendable {
    private var decoded: [Entity]
    private var pending: PendingEntities?

    public init(_ entities: [Entity] = []) {
        decoded = entities
    }

    init(pending: PendingEntities) {
        decoded = []
        self.pending = pending
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { pending?.count ?? decoded.count }

    public subscript(index: Int) -> Entity {
        // Read in place: `entities[i].kind` borrows the decoded entity instead of copying it (and retaining and
        // releasing each of its strings), which a `get` did on every name the analysis looked up.
        _read { if let pending { yield pending[index] } else { yield decoded[index] } }
        _modify {
            decodeAll()
            yield &decoded[index]
        }
    }

    /// A value read from entity `index` in place: `entities.read(i) { $0.country }` projects the field out of the
    /// array's element, where the subscript's `_read` yields a copy of the whole entity (each of its strings and
    /// arrays retained and released): the analysis reads a field of an entity for every name it finds.
    @inline(__always)
    func read<T>(_ index: Int, _ field: (Entity) -> T) -> T {
        if let pending { return field(pending[index]) }
        return field(decoded[index])
    }

    /// Whether the entities are still encoded (none decoded yet, or only those read).
    var isPending: Bool { pending != nil }

    /// The entities as one array: the array itself (shared, not copied), or every encoded entity decoded.
    public var array: [Entity] { pending?.all ?? decoded }

    /// Every entity's id, in order (from the snapshot's bytes when they are still encoded: no whole entity decoded).
    var ids: [String] { pending?.ids ?? decoded.map(\.id) }

    /// The countries' ids, each to its first entity, when the entities are still encoded (found when they were
    /// checked); nil otherwise.
    var encodedCountries: [String: Int32]? { pending?.countries }

    /// The kind of entity `index` (known without decoding it when it is still encoded).
    func kind(at index: Int) -> EntityKind { if let pending { return pending.kind(at: index) } else { return decoded[index].kind } }

    /// Decodes every entity still encoded, into the array: a builder reads them on every core, without the lock of
    /// the first read.
    mutating func decodeAll() {
        guard let pending else { return }
        decoded = pending.all
        self.pending = nil
    }

    /// Room for `count` entities (an array that grows by doubling would hold up to twice what it uses).
    mutating func reserveCapacity(atLeast count: Int) {
        decodeAll()
        if decoded.capacity < count { decoded.reserveCapacity(count) }
    }

    mutating func append(_ entity: Entity) {
        decodeAll()
        decoded.append(entity)
    }
}

/// Where a snapshot's entities are, as the check on read found them (`GazetteerCache.Reader.encodedEntities`).
struct EncodedEntities {
    /// Where each entity starts, from the first's start.
    var offsets: [Int32]
    /// Each entity's kind (`EntityKind.allCases` index).
    var kinds: [UInt8]
    /// The countries' ids, each to its first entity (a report's evidence names countries: `Gazetteer.country`).
    var countries: [String: Int32]
}

/// A gazetteer snapshot's entities, checked when the snapshot was read and copied as they are encoded, each decoded
/// once, by the first thread that reads it. A copy: the snapshot is not kept mapped (a file truncated in place would
/// end the process with SIGBUS, see `GazetteerSnapshotFile`), and its entities stay readable whatever happens to it.
final class PendingEntities: @unchecked Sendable {
    /// The snapshot's entities part.
    private let bytes: [UInt8]
    private let encoded: EncodedEntities
    private let lock = NSLock()
    private var read: [Int32: Entity] = [:]

    init(bytes: [UInt8], encoded: EncodedEntities) {
        self.bytes = bytes
        self.encoded = encoded
    }

    var count: Int { encoded.offsets.count }
    var countries: [String: Int32] { encoded.countries }

    subscript(index: Int) -> Entity {
        precondition(index >= 0 && index < count, "Index out of range")
        lock.lock()
        defer { lock.unlock() }
        if let entity = read[Int32(index)] { return entity }
        let entity = bytes.withUnsafeBytes { decode(index, bytes: $0) }
        read[Int32(index)] = entity
        return entity
    }

    /// Every entity, in order (those already read as they were read).
    var all: [Entity] {
        lock.lock()
        defer { lock.unlock() }
        return bytes.withUnsafeBytes { raw in (0..<count).map { read[Int32($0)] ?? decode($0, bytes: raw) } }
    }

    /// Every entity's id, in order.
    var ids: [String] {
        bytes.withUnsafeBytes { raw in
            (0..<count).map { i in
                var r = GazetteerCache.Reader(b: raw, i: Int(encoded.offsets[i]))
                return r.string()
            }
        }
    }

    func kind(at index: Int) -> EntityKind { EntityKind.allCases[Int(encoded.kinds[index])] }

    /// Entity `index` decoded from `bytes` (this object's own, checked when the snapshot was read: it decodes).
    private func decode(_ index: Int, bytes: UnsafeRawBufferPointer) -> Entity {
        var r = GazetteerCache.Reader(b: bytes, i: Int(encoded.offsets[index]))
        guard let entity = r.entity() else { fatalError("gazetteer entity \(index): its bytes were checked when read, and do not decode") }
        return entity
    }
}

extension GazetteerCache.Reader {
    /// Steps over `count` entities, checking what `entity()` checks; where each starts, its kind, the countries'
    /// ids; nil on a damaged one.
    mutating func encodedEntities(count: Int) -> EncodedEntities? {
        let first = i
        var kinds = [UInt8](repeating: 0, count: count)
        var countries: [String: Int32] = [:]
        var complete = true
        let offsets = [Int32](unsafeUninitializedCapacity: count) { storage, made in
            while made < count {
                let offset = i - first
                guard let kind = skipEntity(), offset <= Int(Int32.max) else { break }
                storage[made] = Int32(offset)
                kinds[made] = kind
                if kind == Self.countryKind {
                    var idReader = self
                    idReader.i = first + offset
                    let id = idReader.string()
                    if countries[id] == nil { countries[id] = Int32(made) } // the first entity of an id
                }
                made += 1
            }
            complete = made == count
        }
        guard complete else { return nil }
        return EncodedEntities(offsets: offsets, kinds: kinds, countries: countries)
    }

    private static let countryKind = UInt8(EntityKind.allCases.firstIndex(of: .country)!)

    /// Steps over the next entity as `entity()` reads it; its kind, or nil on a damaged one.
    private mutating func skipEntity() -> UInt8? {
        skipString() // id
        let kind = u8()
        for _ in 0..<4 { skipString() } // name, aliases, short forms, demonyms
        for _ in 0..<3 { skipOptional() } // country, alpha-2, capital
        _ = optionalInt() // population
        skipOptional() // organisation kind
        let gender = optional()
        guard Int(kind) < EntityKind.allCases.count, gender.map({ Gender(rawValue: $0) != nil }) ?? true else { return nil }
        for _ in 0..<count(10) {
            skipString()
            let rank = Int(u8())
            skipOptional()
            skipOptional()
            _ = u32()
            _ = u32()
            guard rank < Level.allCases.count else { return nil }
        }
        return failed ? nil : kind
    }

    mutating func skipString() {
        let n = Int(u32())
        guard n > 0, need(n) else { return }
        i += n
    }

    private mutating func skipOptional() {
        if u8() == 1 { skipString() }
    }
}

/// Compared as the sequence of their entities, whether decoded or still encoded.
extension GazetteerEntities: Equatable {
    public static func == (a: GazetteerEntities, b: GazetteerEntities) -> Bool { a.elementsEqual(b) }
}
