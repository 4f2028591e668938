import Foundation

// The gazetteer's name index, and the index still in a gazetteer snapshot, decoded on its first use.
// A command that loads a model from the cache and reports on its visits never looks a name up: reading the
// index's tables (a few megabytes of keys) was about a sixth of such a run on a small corpus.

/// Folded keys of names, short forms and one-word names, to entity indexes.
struct NameIndex: Sendable {
    /// Folded key of a name, alias or demonym -> its first (entity index, role) pair; keys naming
    /// several entities keep the others in `moreNames` (one dictionary entry, no array, per key).
    var names = KeyTable()
    var moreNames: [UInt64: [Gazetteer.NameRef]] = [:]
    /// Folded key of a short form ("Lâm", "Kim") -> person indexes.
    var shorts = LookupTable<[Int32]>()
    /// Lower-case keys (diacritics kept) of the one-word names, aliases and short forms. A one-word match in
    /// Vietnamese text, or on a word with diacritics, must agree on diacritics too ("Bí" is not "Bỉ").
    var exactSingles = KeyTable()
}

/// A name index in a gazetteer snapshot whose bytes were checked when the snapshot was read
/// (`GazetteerCache.Reader.skipNameIndex`), decoded once, by the first thread that needs it.
final class PendingNameIndex: @unchecked Sendable {
    private let lock = NSLock()
    private var decoded: NameIndex?
    /// The snapshot (mapped; files of snapshots are replaced by renaming, never rewritten in place).
    private let snapshot: Data
    private let start: Int
    private let entityCount: Int

    init(snapshot: Data, start: Int, entityCount: Int) {
        self.snapshot = snapshot
        self.start = start
        self.entityCount = entityCount
    }

    var index: NameIndex {
        lock.lock()
        defer { lock.unlock() }
        if let decoded { return decoded }
        let index = snapshot.withUnsafeBytes { raw -> NameIndex? in
            var r = GazetteerCache.Reader(b: raw, i: start)
            guard let names = r.keyTable(), let exact = r.keyTable(),
                  let more = r.moreNames(entityCount: entityCount), let shorts = r.shortNames(), !r.failed else { return nil }
            return NameIndex(names: names, moreNames: more, shorts: shorts, exactSingles: exact)
        }
        // The same bytes were read whole when the snapshot was opened, and the mapping keeps them.
        guard let index else { preconditionFailure("the gazetteer snapshot's name index changed after it was checked") }
        decoded = index
        return index
    }
}
