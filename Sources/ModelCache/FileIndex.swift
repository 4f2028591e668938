// The articles' content hashes, remembered with their size, modification time and inode, as git's index does: a
// file whose metadata has not changed is not read again to know its hash. A file changed within the last two
// seconds is never remembered (its next change could keep the same size and time stamp).
//
// The index is written in the order of the corpus listing, so the next read finds entry `i` for the listing's
// file `i` by comparing the path's bytes, without building a dictionary of every path; a path not in its place
// (a file added or removed) is looked up in a dictionary made the first time one is missed.

import CorpusModel
import Foundation

struct FileIndex: Sendable {
    struct Entry: Equatable, Sendable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64
        var hash: UInt64

        /// A file's metadata (its hash 0, to be filled in).
        init(_ st: stat) {
            self.init(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec),
                      inode: UInt64(st.st_ino), hash: 0)
        }

        /// A file's stamp as read by the build (its hash 0, to be filled in).
        init(_ stamp: FileStamp) {
            self.init(size: stamp.size, seconds: stamp.seconds, nanoseconds: stamp.nanoseconds, inode: stamp.inode, hash: 0)
        }

        init(size: Int64, seconds: Int64, nanoseconds: Int64, inode: UInt64, hash: UInt64) {
            self.size = size
            self.seconds = seconds
            self.nanoseconds = nanoseconds
            self.inode = inode
            self.hash = hash
        }

        func sameFile(as other: Entry) -> Bool {
            size == other.size && seconds == other.seconds && nanoseconds == other.nanoseconds && inode == other.inode
        }
    }

    static let magic: UInt64 = 0x5844_4E49_5353_4F44 // "DOSSINDX"
    /// The stored index: its bytes, where each path sits in them, and each path's entry.
    private var bytes: [UInt8] = []
    private var storedPaths: [Range<Int>] = []
    private var storedEntries: [Entry] = []
    /// Stored entry numbers by path, made when a path is not found in its place.
    private var byPath: [String: Int]?
    /// The entries to write, by position in the listing (nil: not remembered).
    private var current: [Entry?] = []
    private(set) var changed = false

    init() {}

    /// Reads the index; a missing or damaged one is empty (every file is hashed again).
    init(url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path), data.count >= 24 else { return }
        bytes = [UInt8](data)
        guard parse() else {
            bytes = []
            storedPaths = []
            storedEntries = []
            return
        }
    }

    private mutating func parse() -> Bool {
        var paths: [Range<Int>] = [], entries: [Entry] = []
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            let body = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
            guard raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self) == Checksum.of(body) else { return false }
            var at = 0
            func u64() -> UInt64? {
                guard at + 8 <= body.count else { return nil }
                defer { at += 8 }
                return body.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            }
            guard u64() == Self.magic, let count = u64(), count <= body.count / 48 else { return false }
            paths.reserveCapacity(Int(count))
            entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let length = u64(), length <= body.count - at else { return false }
                paths.append(at..<(at + Int(length)))
                at += Int(length)
                guard let size = u64(), let s = u64(), let ns = u64(), let inode = u64(), let hash = u64() else { return false }
                entries.append(Entry(size: Int64(bitPattern: size), seconds: Int64(bitPattern: s), nanoseconds: Int64(bitPattern: ns),
                                     inode: inode, hash: hash))
            }
            return true
        }
        storedPaths = paths
        storedEntries = entries
        return ok
    }

    /// The stored entry of `path`, the listing's file number `position`: found in its place, else by path (the
    /// index then changes: its order is the listing's).
    private mutating func stored(_ path: String, at position: Int) -> Entry? {
        if position < storedPaths.count, equals(path, storedPaths[position]) { return storedEntries[position] }
        changed = true
        if byPath == nil {
            var map: [String: Int] = [:]
            map.reserveCapacity(storedPaths.count)
            for (i, range) in storedPaths.enumerated() { map[String(decoding: bytes[range], as: UTF8.self)] = i }
            byPath = map
        }
        return byPath?[path].map { storedEntries[$0] }
    }

    private func equals(_ path: String, _ range: Range<Int>) -> Bool {
        guard path.utf8.count == range.count else { return false }
        guard !range.isEmpty else { return true }
        let same = path.utf8.withContiguousStorageIfAvailable { mine in
            bytes.withUnsafeBufferPointer { memcmp(mine.baseAddress!, $0.baseAddress! + range.lowerBound, range.count) == 0 }
        }
        return same ?? path.utf8.elementsEqual(bytes[range])
    }

    /// The hash of the listing's file number `position`, whose metadata is `meta` (read by the caller): remembered
    /// when the metadata has not changed, else read from `path` (nil: unreadable).
    mutating func hash(of path: String, at position: Int, metadata meta: Entry, now: Date? = nil) -> UInt64? {
        if let known = remembered(path, at: position, metadata: meta) { return known }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let hash = data.withUnsafeBytes { Checksum.of($0) }
        remember(hash, at: position, metadata: meta, now: now)
        return hash
    }

    /// The number of files the stored index holds.
    var storedCount: Int { storedPaths.count }

    /// True when the listing's file number `position` is the stored entry in that place with the same metadata
    /// (`remembered` would give its hash without a change to the index); false for a file moved, added,
    /// changed or not remembered.
    func isUnchanged(_ path: String, at position: Int, metadata meta: Entry) -> Bool {
        position < storedPaths.count && equals(path, storedPaths[position]) && storedEntries[position].sameFile(as: meta)
    }

    /// The remembered hash of the listing's file number `position`, when its metadata has not changed; nil: the
    /// file is to be read (and its hash given to `remember`).
    mutating func remembered(_ path: String, at position: Int, metadata meta: Entry) -> UInt64? {
        while current.count <= position { current.append(nil) }
        if let known = stored(path, at: position), known.sameFile(as: meta) {
            current[position] = known
            return known.hash
        }
        changed = true
        return nil
    }

    /// Remembers the hash of the bytes of file number `position`, read after its metadata `meta` was taken;
    /// not when the file changed in the last two seconds (a later change could keep its size and time stamp).
    mutating func remember(_ hash: UInt64, at position: Int, metadata meta: Entry, now: Date? = nil) {
        while current.count <= position { current.append(nil) }
        changed = true
        guard (now ?? Date()).timeIntervalSince1970 - Double(meta.seconds) > 2 else { return }
        var entry = meta
        entry.hash = hash
        current[position] = entry
    }

    /// Marks the listing's length: an index that held more files than the listing has changed.
    mutating func finish(count: Int) {
        while current.count < count { current.append(nil) }
        if storedPaths.count != count { changed = true }
    }

    /// What a file that is not remembered is written as: in its place (so the others stay in theirs), never
    /// matching a file (sizes are not negative).
    static let forgotten = Entry(size: -1, seconds: 0, nanoseconds: 0, inode: 0, hash: 0)

    /// Writes the entries remembered for `paths` (the listing, in its order; one entry per path).
    func write(paths: [String], to url: URL) throws {
        var out: [UInt8] = []
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        u64(Self.magic)
        u64(UInt64(paths.count))
        for (position, path) in paths.enumerated() {
            let e = position < current.count ? current[position] ?? Self.forgotten : Self.forgotten
            u64(UInt64(path.utf8.count))
            out.append(contentsOf: path.utf8)
            u64(UInt64(bitPattern: e.size)); u64(UInt64(bitPattern: e.seconds)); u64(UInt64(bitPattern: e.nanoseconds))
            u64(e.inode); u64(e.hash)
        }
        u64(out.withUnsafeBytes { Checksum.of($0) })
        try AtomicFile.write(Data(out), to: url)
    }
}

/// Files written whole or not at all: to a temporary name in the same folder, then renamed.
enum AtomicFile {
    static func temporary(beside url: URL) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp")
    }

    static func write(_ data: Data, to url: URL) throws {
        let temporary = temporary(beside: url)
        do {
            try data.write(to: temporary)
            try rename(temporary, to: url)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    static func rename(_ from: URL, to: URL) throws {
        guard Glibc.rename(from.path, to.path) == 0 else {
            throw CacheFormatError("cannot rename \(from.path) to \(to.path): \(String(cString: strerror(errno)))")
        }
    }
}
