// Analysis segments: files of per-document results, each found by its document key. A build writes the analyses it
// made into one new segment; `dossier index --shard K/N` writes shard K's. Any set of segments (from several
// machines) serves a build: `dossier merge` is a build that finds every analysis in them.
//
// A segment is its records, then an index (key, offset, length per record), then a 40-byte trailer: the index's
// offset, the record count, the context key, a checksum of everything before it, and the magic number.

import CorpusModel
import Foundation

/// The segments of one context key, read for lookups, and the new segment being written.
final class SegmentStore: AnalysisStore, @unchecked Sendable {
    static let magic: UInt64 = 0x3147_4553_5353_4F44 // "DOSSSEG1"
    static let trailerSize = 40

    let folder: URL
    let context: UInt64
    /// The key of each input of the build (0: none, never stored), those learned while building included.
    private(set) var keys: [UInt64]
    /// An input's key from the checksum of its bytes (`learn`).
    private let keyOf: @Sendable (Int, UInt64) -> UInt64
    private var known: [UInt64: (segment: Int, range: Range<Int>)] = [:]
    private var segments: [Data] = []
    /// Segments that could not be used, with why: reported once, then removed.
    private(set) var damaged: [(URL, String)] = []

    private let lock = NSLock()
    /// The new segment, open for writing (-1: not yet, or given up after a failed write).
    private var writer: Int32 = -1
    private var writerURL: URL?
    /// A write failed (a full disk): the build goes on without keeping the rest.
    private var failed = false
    private var written = 0
    private var index: [(key: UInt64, offset: Int, length: Int)] = []
    private var checksum = Checksum()
    /// Analyses kept and not written yet (`flush`).
    private var pending: [UInt8] = []
    private(set) var reused = 0
    private(set) var made = 0

    /// The corpus's earlier model, whose texts reused analyses take (segments keep no texts).
    let earlierTexts: ModelFileTexts?

    init(folder: URL, context: UInt64, keys: [UInt64], keyOf: @escaping @Sendable (Int, UInt64) -> UInt64,
         earlierTexts: ModelFileTexts? = nil, read: Bool = true) {
        self.folder = folder
        self.context = context
        self.keys = keys
        self.keyOf = keyOf
        self.earlierTexts = earlierTexts
        if read { load() }
    }

    private func load() {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names.sorted() where name.hasSuffix(".seg") {
            let url = folder.appendingPathComponent(name)
            do {
                let data = try Data(contentsOf: url, options: .alwaysMapped)
                // Summed from reads, not through the mapping: its pages are then touched only for the analyses
                // decoded (a rebuild of a few articles reads a few of them; `IncrementalRebuild`).
                let sum = try Self.checksum(of: url, count: data.count - Self.trailerSize + 24)
                let entries = try Self.readIndex(data, context: context, checksum: sum)
                segments.append(data)
                for e in entries { known[e.key] = (segments.count - 1, e.offset..<(e.offset + e.length)) }
            } catch {
                damaged.append((url, "\(error)"))
                try? FileManager.default.removeItem(at: url)
            }
        }
    }

    /// The checksum of the first `count` bytes of the file `url` (nil when it is shorter), read a piece at a time.
    static func checksum(of url: URL, count: Int) throws -> UInt64? {
        guard count >= 0 else { return nil }
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CacheFormatError("cannot open \(url.path)") }
        defer { close(fd) }
        var sum = Checksum()
        var buffer = [UInt8](repeating: 0, count: min(count, 1 << 20))
        var done = 0
        while done < count {
            let want = min(buffer.count, count - done)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return nil }
            buffer.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[..<n])) }
            done += n
        }
        return sum.value
    }

    /// The index of a segment whose bytes before the trailer's checksum sum to `checksum` (nil: not read).
    static func readIndex(_ data: Data, context: UInt64, checksum: UInt64? = nil) throws -> [(key: UInt64, offset: Int, length: Int)] {
        try data.withUnsafeBytes { raw in
            guard raw.count >= trailerSize else { throw CacheFormatError("truncated segment") }
            let t = raw.count - trailerSize
            func u64(_ at: Int) -> UInt64 { raw.loadUnaligned(fromByteOffset: at, as: UInt64.self) }
            guard u64(t + 32) == magic else { throw CacheFormatError("truncated segment (no trailer)") }
            guard u64(t + 16) == context else { throw CacheFormatError("segment of another context") }
            guard u64(t + 24) == checksum ?? Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<(t + 24)])) else {
                throw CacheFormatError("segment checksum mismatch")
            }
            let indexOffset = Int(u64(t)), count = Int(u64(t + 8))
            guard indexOffset >= 0, indexOffset + count * 24 == t else { throw CacheFormatError("segment index out of place") }
            return try (0..<count).map { i in
                let at = indexOffset + i * 24
                let offset = Int(u64(at + 8)), length = Int(u64(at + 16))
                guard offset >= 0, length >= 0, offset + length <= indexOffset else { throw CacheFormatError("segment record out of place") }
                return (u64(at), offset, length)
            }
        }
    }

    /// True when every input with a key has a stored analysis.
    func has(_ input: Int) -> Bool { key(input) != 0 && known[key(input)] != nil }

    // MARK: AnalysisStore

    func withStored<T>(_ input: Int, _ body: (UnsafeRawBufferPointer) -> T?) -> T? {
        let key = self.key(input)
        guard key != 0, let place = known[key] else { return nil }
        let result = segments[place.segment].withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[place.range])) }
        if result != nil { lock.lock(); reused += 1; lock.unlock() }
        return result
    }

    func withStored<T>(key: UInt64, _ body: (UnsafeRawBufferPointer) -> T?) -> T? {
        guard key != 0, let place = known[key] else { return nil }
        return segments[place.segment].withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[place.range])) }
    }

    func key(_ input: Int) -> UInt64 {
        lock.lock()
        defer { lock.unlock() }
        return keys[input]
    }

    /// The checksums of the bytes of the inputs whose keys were learned, by input.
    private(set) var byteHashes: [Int: UInt64] = [:]
    /// The stamps of the files those bytes were read from, by input (when the build read a file).
    private(set) var stamps: [Int: FileStamp] = [:]

    func learn(_ input: Int, byteHash: UInt64, stamp: FileStamp?) -> Bool {
        let key = keyOf(input, byteHash)
        lock.lock()
        keys[input] = key
        byteHashes[input] = byteHash
        if let stamp { stamps[input] = stamp }
        lock.unlock()
        return known[key] != nil
    }

    func keep(_ input: Int, _ encoded: [UInt8]) {
        lock.lock()
        let key = keys[input]
        guard key != 0 else { lock.unlock(); return }
        defer { lock.unlock() }
        made += 1
        if writer < 0 && !failed { openWriter() }
        guard writer >= 0 else { return }
        checksum.add(encoded)
        index.append((key, written, encoded.count))
        written += encoded.count
        pending += encoded
        if pending.count >= Self.writeSize { flush() }
    }

    /// The analyses kept are written in pieces of about this many bytes, not one call per document.
    static let writeSize = 1 << 20

    /// Writes the analyses kept since the last write (called under `lock`).
    private func flush() {
        defer { pending.removeAll(keepingCapacity: true) }
        guard writer >= 0, !pending.isEmpty else { return }
        if !Self.write(pending.withUnsafeBytes { $0 }, to: writer) { giveUp() }
    }

    /// Writes all of `bytes` to `fd` (a plain `write`, no Foundation buffer); false when it could not.
    private static func write(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    /// Stops writing the new segment and removes it.
    private func giveUp() {
        if writer >= 0 { close(writer) }
        writer = -1
        failed = true
        if let writerURL { unlink(writerURL.path) }
    }

    private func openWriter() {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let fd = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { failed = true; return }
        writer = fd
        writerURL = url
    }

    /// Completes the new segment (index and trailer) and renames it into place as `name`.seg; nothing when no
    /// analysis was kept.
    func finish(name: String) throws {
        lock.lock()
        defer { lock.unlock() }
        flush()
        guard writer >= 0, let writerURL else { return }
        var tail: [UInt8] = []
        func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { tail.append(contentsOf: $0) } }
        for e in index { u64(e.key); u64(UInt64(e.offset)); u64(UInt64(e.length)) }
        u64(UInt64(written)); u64(UInt64(index.count)); u64(context)
        checksum.add(tail)
        u64(checksum.value)
        u64(Self.magic)
        let wroteTail = tail.withUnsafeBytes { Self.write($0, to: writer) }
        close(writer)
        writer = -1
        guard wroteTail else { unlink(writerURL.path); throw CacheFormatError("cannot write \(writerURL.path)") }
        try AtomicFile.rename(writerURL, to: folder.appendingPathComponent(name + ".seg"))
    }

    deinit {
        if let writerURL, writer >= 0 { close(writer); unlink(writerURL.path) }
    }
}
