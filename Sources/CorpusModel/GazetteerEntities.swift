import Foundation

// The gazetteer's entities. A gazetteer read from its snapshot keeps them encoded, as the snapshot has them, and
// decodes an entity when it is first read: a warm run that reports on a corpus's visits reads a few hundred of the
// ten thousand, and decoding them all (about ten strings each) was about a seventh of such a run.

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
        get { if let pending { return pending[index] } else { return decoded[index] } }
        _modify {
            decodeAll()
            yield &decoded[index]
        }
    }

    /// Whether the entities are still encoded (none decoded yet, or only those read).
    var isPending: Bool { pending != nil }

    /// The entities as one array: the array itself (shared, not copied), or every encoded entity decoded.
    public var array: [Entity] { pending?.all ?? decoded }

    /// The id of entity `index` (from the snapshot's bytes when it is still encoded: no whole entity decoded).
    func id(at index: Int) -> String { if let pending { return pending.id(at: index) } else { return decoded[index].id } }

    /// The kind of entity `index` (one byte of the snapshot's when it is still encoded).
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

/// A gazetteer snapshot's entities, encoded as `GazetteerCache.write` wrote them and checked when the snapshot was
/// read (`GazetteerCache.Reader.entityOffsets`), each decoded once, by the first thread that reads it.
final class PendingEntities: @unchecked Sendable {
    /// The snapshot's entities part (a copy: the snapshot is not kept mapped).
    private let bytes: [UInt8]
    /// Where each entity starts in `bytes`.
    private let offsets: [Int32]
    private let lock = NSLock()
    private var read: [Int32: Entity] = [:]

    init(bytes: [UInt8], offsets: [Int32]) {
        self.bytes = bytes
        self.offsets = offsets
    }

    var count: Int { offsets.count }

    subscript(index: Int) -> Entity {
        precondition(index >= 0 && index < offsets.count, "Index out of range")
        lock.lock()
        defer { lock.unlock() }
        if let entity = read[Int32(index)] { return entity }
        let entity = decode(index)
        read[Int32(index)] = entity
        return entity
    }

    /// Every entity, in order (those already read as they were read).
    var all: [Entity] {
        lock.lock()
        defer { lock.unlock() }
        return (0..<offsets.count).map { read[Int32($0)] ?? decode($0) }
    }

    func id(at index: Int) -> String {
        withReader(at: index) { $0.string() }
    }

    func kind(at index: Int) -> EntityKind {
        withReader(at: index) { r in
            r.skipString()
            return EntityKind.allCases[Int(r.u8())] // checked when the snapshot was read
        }
    }

    private func decode(_ index: Int) -> Entity {
        // The bytes were checked when the snapshot was read, and are this object's own: a decode cannot fail.
        guard let entity = withReader(at: index, { $0.entity() }) else { fatalError("gazetteer entity \(index): bytes checked on read do not decode") }
        return entity
    }

    private func withReader<R>(at index: Int, _ body: (inout GazetteerCache.Reader) -> R) -> R {
        bytes.withUnsafeBytes { raw in
            var r = GazetteerCache.Reader(b: raw, i: Int(offsets[index]))
            return body(&r)
        }
    }
}

extension GazetteerCache.Reader {
    /// Steps over `count` entities, checking what `entity()` checks, and gives where each starts (relative to the
    /// first); nil on a damaged one.
    mutating func entityOffsets(count: Int) -> [Int32]? {
        let start = i
        var complete = true
        let offsets = [Int32](unsafeUninitializedCapacity: count) { storage, made in
            while made < count {
                let offset = i - start
                guard skipEntity() else { break }
                storage[made] = Int32(offset)
                made += 1
            }
            complete = made == count
        }
        return complete && i - start <= Int(Int32.max) ? offsets : nil
    }

    /// Steps over the next entity as `entity()` reads it; false on a damaged one.
    private mutating func skipEntity() -> Bool {
        skipString() // id
        let kindIndex = Int(u8())
        for _ in 0..<4 { skipString() } // name, aliases, short forms, demonyms
        for _ in 0..<3 { skipOptional() } // country, alpha-2, capital
        _ = optionalInt() // population
        skipOptional() // organisation kind
        let gender = optional()
        guard kindIndex < EntityKind.allCases.count, gender.map({ Gender(rawValue: $0) != nil }) ?? true else { return false }
        for _ in 0..<count(10) {
            skipString()
            let rank = Int(u8())
            skipOptional()
            skipOptional()
            _ = u32()
            _ = u32()
            guard rank < Level.allCases.count else { return false }
        }
        return !failed
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
