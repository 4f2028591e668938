import Foundation

// The gazetteer's name index, and the index still in a gazetteer snapshot, decoded on its first use; its id index, made
// on its first use.
// A command that loads a model from the cache and reports on its visits never looks a name up: reading the
// index's tables (a few megabytes of keys) was about a sixth of such a run on a small corpus.

/// Folded keys of names, short forms and one-word names, to entity indexes.
struct NameIndex: Sendable {
    /// Folded key of a name, alias or demonym -> its first (entity index, role) pair; keys naming
    /// several entities keep the others in `moreNames` (one entry, no array, per key; a `LookupTable`: a `Dictionary`
    /// hashed the key with SipHash at every name found in a text).
    var names = KeyTable() { didSet { namesFilter = KeyPrefilter() } }
    /// `names`' keys as a prefilter, made once the index is complete (`Gazetteer.prepareNameLookups`); emptied by any
    /// change of `names`, when it lets every key through.
    var namesFilter = KeyPrefilter()
    var moreNames = LookupTable<[Gazetteer.NameRef]>()
    /// Folded key of a short form ("Lâm", "Kim") -> person indexes.
    var shorts = LookupTable<[Int32]>()
    /// Lower-case keys (diacritics kept) of the one-word names, aliases and short forms. A one-word match in
    /// Vietnamese text, or on a word with diacritics, must agree on diacritics too ("Bí" is not "Bỉ").
    var exactSingles = KeyTable()

    /// The entities named by `key` (`Gazetteer.nameRefs`).
    @inline(__always)
    func nameRefs(forKey key: UInt64) -> Gazetteer.NameRefs? {
        guard namesFilter.mayContain(key), let packed = names.get(key) else { return nil }
        let first = Gazetteer.NameRef(entity: Int32(packed >> 1), role: NameRole(rawValue: UInt8(packed & 1))!)
        return Gazetteer.NameRefs(first: first, more: moreNames[key] ?? [])
    }
}

/// A name index in a gazetteer snapshot whose bytes were checked when the snapshot was read
/// (`GazetteerCache.Reader.skipNameIndex`), read and decoded once, by the first thread that needs it.
final class PendingNameIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: NameIndex?
    /// The snapshot, open (files of snapshots are replaced by renaming, never rewritten in place: the descriptor
    /// keeps the bytes that were checked).
    private let file: GazetteerSnapshotFile
    private let bytes: Range<Int>
    private let entityCount: Int

    init(file: GazetteerSnapshotFile, bytes: Range<Int>, entityCount: Int) {
        self.file = file
        self.bytes = bytes
        self.entityCount = entityCount
    }

    var index: NameIndex {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let index = file.bytes(bytes)?.withUnsafeBytes { raw -> NameIndex? in
            var r = GazetteerCache.Reader(b: raw)
            guard let names = r.keyTable(), let exact = r.keyTable(),
                  let more = r.moreNames(entityCount: entityCount), let shorts = r.shortNames(), !r.failed, r.i == raw.count else { return nil }
            return NameIndex(names: names, moreNames: more, shorts: shorts, exactSingles: exact)
        }
        // Only an outside actor truncates or rewrites a snapshot in place: there is no index to answer with.
        guard let index else { fatalError("dossier: the gazetteer snapshot \(file.path) was changed in place while in use; run the command again") }
        decoded = index
        return index
    }
}

/// The id index of a gazetteer read from a snapshot, made once, by the first thread that looks an id up.
final class PendingIDIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [String: Int32]?
    /// The gazetteer's entities (shared: its array's storage, or its snapshot's entities).
    private let entities: GazetteerEntities

    init(entities: GazetteerEntities) {
        self.entities = entities
    }

    private var countries: [String: Int32]?

    /// The index of the country of this id, from the countries alone (made on first use, without the others).
    func country(_ id: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made[id].flatMap { entities.kind(at: Int($0)) == .country ? $0 : nil } }
        if countries == nil {
            if let encoded = entities.encodedCountries {
                countries = encoded
            } else {
                var ids: [String: Int32] = [:]
                for i in entities.indices.reversed() where entities[i].kind == .country { ids[entities[i].id] = Int32(i) }
                countries = ids
            }
        }
        return countries?[id]
    }

    var index: [String: Int32] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        var ids = [String: Int32](minimumCapacity: entities.count)
        // The first entity of an id wins: from the last to the first, each id hashed once. By index: `enumerated()`
        // would copy each entity (every string retained and released) to read its id.
        let all = entities.ids
        for i in all.indices.reversed() { ids[all[i]] = Int32(i) }
        made = ids
        return ids
    }
}
