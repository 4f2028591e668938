// The articles' content hashes, remembered with their size, modification time and inode, as git's index does: a
// file whose metadata has not changed is not read again to know its hash. A file changed within the last two
// seconds is never remembered (its next change could keep the same size and time stamp).

import CorpusModel
import Foundation

struct FileIndex {
    struct Entry: Equatable {
        var size: Int64
        var seconds: Int64
        var nanoseconds: Int64
        var inode: UInt64
        var hash: UInt64
    }

    static let magic: UInt64 = 0x5844_4E49_5353_4F44 // "DOSSINDX"
    private(set) var entries: [String: Entry] = [:]
    private(set) var changed = false

    init() {}

    /// Reads the index; a missing or damaged one is empty (every file is hashed again).
    init(url: URL) {
        guard let data = FileManager.default.contents(atPath: url.path), data.count >= 24 else { return }
        let parsed: [String: Entry]? = data.withUnsafeBytes { raw in
            let body = UnsafeRawBufferPointer(rebasing: raw[0..<(raw.count - 8)])
            guard raw.loadUnaligned(fromByteOffset: raw.count - 8, as: UInt64.self) == Checksum.of(body) else { return nil }
            var at = 0
            func u64() -> UInt64? {
                guard at + 8 <= body.count else { return nil }
                defer { at += 8 }
                return body.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            }
            guard u64() == Self.magic, let count = u64() else { return nil }
            var out: [String: Entry] = [:]
            out.reserveCapacity(Int(count))
            for _ in 0..<count {
                guard let length = u64(), at + Int(length) <= body.count else { return nil }
                let path = String(decoding: UnsafeRawBufferPointer(rebasing: body[at..<(at + Int(length))]), as: UTF8.self)
                at += Int(length)
                guard let size = u64(), let s = u64(), let ns = u64(), let inode = u64(), let hash = u64() else { return nil }
                out[path] = Entry(size: Int64(bitPattern: size), seconds: Int64(bitPattern: s), nanoseconds: Int64(bitPattern: ns),
                                  inode: inode, hash: hash)
            }
            return out
        }
        entries = parsed ?? [:]
    }

    /// The hash of a file's bytes: remembered when its metadata has not changed, else read (nil: unreadable).
    mutating func hash(of path: String, now: Date = Date()) -> UInt64? {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        let meta = Entry(size: Int64(st.st_size), seconds: Int64(st.st_mtim.tv_sec), nanoseconds: Int64(st.st_mtim.tv_nsec),
                         inode: UInt64(st.st_ino), hash: 0)
        if var known = entries[path] {
            let hash = known.hash
            known.hash = 0
            if known == meta { return hash }
        }
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let hash = data.withUnsafeBytes { Checksum.of($0) }
        if now.timeIntervalSince1970 - Double(meta.seconds) > 2 {
            var entry = meta
            entry.hash = hash
            entries[path] = entry
        } else {
            entries[path] = nil
        }
        changed = true
        return hash
    }

    func write(to url: URL) throws {
        var bytes: [UInt8] = []
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
        u64(Self.magic)
        u64(UInt64(entries.count))
        for (path, e) in entries.sorted(by: { $0.key < $1.key }) {
            u64(UInt64(path.utf8.count))
            bytes.append(contentsOf: path.utf8)
            u64(UInt64(bitPattern: e.size)); u64(UInt64(bitPattern: e.seconds)); u64(UInt64(bitPattern: e.nanoseconds))
            u64(e.inode); u64(e.hash)
        }
        u64(bytes.withUnsafeBytes { Checksum.of($0) })
        try AtomicFile.write(Data(bytes), to: url)
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
