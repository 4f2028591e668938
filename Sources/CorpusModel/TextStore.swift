import Foundation

/// Where a text sits in a `TextStore`: a byte range of the store.
struct TextRef: Sendable, Hashable {
    var offset: Int64
    var count: UInt32
    static let empty = TextRef(offset: 0, count: 0)
}

/// The texts of a corpus's documents, written once while the corpus is built and read on demand after.
///
/// The model itself keeps only byte ranges (sentences, mentions, times); the texts are what a plugin
/// reads now and then (a sentence, a mention's words). The first `memoryLimit` bytes stay in memory; past
/// that, texts go to an unnamed temporary file (deleted as soon as it is created, so nothing is left behind
/// even after a crash) and are read back with `pread`. Memory then stays near the size of the model, not of
/// the corpus: see docs/PERFORMANCE.md. Reads are thread-safe; recently read texts are cached.
public final class TextStore: @unchecked Sendable {
    /// Bytes kept in memory before texts go to the file (`DOSSIER_TEXT_MEMORY` in MB overrides it; the
    /// command line refuses a value `memoryLimit(megabytes:)` does not take). 4 MB: the bundled corpus and the
    /// annotated batches (under 1 MB each) stay in memory; 8 MB held 4 MB more at the peak of a large build, which
    /// stood at the 2x of issue 9 (16 MB before that held 8 MB more again).
    public static let defaultMemoryLimit: Int = {
        ProcessEnvironment.value("DOSSIER_TEXT_MEMORY").flatMap(memoryLimit(megabytes:)) ?? 4 << 20
    }()

    /// The largest `DOSSIER_TEXT_MEMORY` taken, in MB (1 TiB).
    public static let largestMemoryMegabytes = 1 << 20

    /// Bytes for a `DOSSIER_TEXT_MEMORY` value: a whole number of MB from 0 to `largestMemoryMegabytes`,
    /// else nil.
    public static func memoryLimit(megabytes text: String) -> Int? {
        guard let mb = Int(text.trimmingCharacters(in: .whitespaces)), (0...largestMemoryMegabytes).contains(mb) else { return nil }
        return mb << 20
    }

    private let memoryLimit: Int
    /// Texts in memory: the store's first bytes, in blocks (never one array that grows by copying).
    private var blocks: [[UInt8]] = []
    private var inMemory = 0
    /// The spill file, once opened, and what has been written to it (its bytes start at `inMemory`).
    private var file: Int32 = -1
    private var spilled = 0
    private var pending: [UInt8] = []
    private var blockStarts: [Int] = []
    private let lock = NSLock()
    private var cache: [Int64: String] = [:]
    private var cacheOrder: [Int64] = []
    private static let cacheSize = 64
    private static let blockSize = 1 << 20

    init(memoryLimit: Int = TextStore.defaultMemoryLimit) {
        self.memoryLimit = memoryLimit
    }

    /// A store over texts already written to a file (the model cache): `length` bytes from `base` of the open
    /// `file`, read on demand; the store closes the file. With `blocks`, each block of the texts is checked against
    /// its checksum the first time a text in it is read (`TextBlocks`), and a mismatch goes to `damaged`.
    init(file: Int32, base: Int, length: Int, blocks: [UInt64] = [], blockSize: Int = TextBlocks.defaultSize,
         damaged: @escaping @Sendable (CacheFormatError) -> Never = TextStore.stop) {
        memoryLimit = 0
        self.file = file
        fileBase = base
        spilled = length
        blockSums = blocks
        self.blockSize = blockSize
        blockChecked = [Bool](repeating: false, count: blocks.count)
        self.damaged = damaged
    }

    /// What a store over a damaged model file does when no one said otherwise: stop, naming the damage.
    public static let stop: @Sendable (CacheFormatError) -> Never = { fatalError("model file: \($0)") }
    /// The checksum of each block of the texts (`blockSize` bytes, the last one shorter), and which have been
    /// checked; empty for a store that is not over a model file.
    private var blockSums: [UInt64] = []
    private var blockChecked: [Bool] = []
    private var blockSize = TextBlocks.defaultSize
    private var damaged: @Sendable (CacheFormatError) -> Never = TextStore.stop
    /// Where the store's bytes start in `file` (0 for its own temporary file).
    private(set) var fileBase = 0
    /// The checksums of the blocks written so far, kept only by a store that writes a model file's texts.
    private var written: TextBlocks?
    /// Bytes to copy from another store's file, not read yet: consecutive copies become one read.
    private var copyRun: CopyRun?

    /// A store whose texts are written to `file` from `base` on, straight from the build (the texts part of a
    /// model file being written): nothing is kept in memory, the checksum is kept as the bytes go; the store
    /// closes the file.
    init(writingTo file: Int32, base: Int, blockSize: Int) {
        memoryLimit = 0
        self.file = file
        fileBase = base
        written = TextBlocks(size: blockSize)
    }

    deinit {
        if file >= 0 { close(file) }
    }

    /// Appends a text (only while the corpus is built, from one thread).
    func append(_ text: String) -> TextRef {
        var text = text
        return text.withUTF8 { append(bytes: $0) }
    }

    /// The store's length in bytes: where the next text starts.
    var length: Int { inMemory + spilled + failedBytes.count + pending.count + (copyRun?.count ?? 0) }

    func append(bytes: UnsafeBufferPointer<UInt8>) -> TextRef {
        sealed = false
        readCopyRun()
        let offset = length
        if bytes.isEmpty { return TextRef(offset: Int64(offset), count: 0) }
        if file < 0 && inMemory + bytes.count <= memoryLimit {
            // In memory: into the last block when it fits, else a new block of its own size or more.
            if let last = blocks.indices.last, blocks[last].capacity - blocks[last].count >= bytes.count {
                blocks[last].append(contentsOf: bytes)
            } else {
                var block: [UInt8] = []
                block.reserveCapacity(max(bytes.count, Self.blockSize))
                block.append(contentsOf: bytes)
                blockStarts.append(inMemory)
                blocks.append(block)
            }
            inMemory += bytes.count
            return TextRef(offset: Int64(offset), count: UInt32(bytes.count))
        }
        if file < 0 && !openFile() {
            // No temporary file: keep the text in memory after all.
            var block = [UInt8](bytes)
            block.reserveCapacity(bytes.count)
            blockStarts.append(inMemory)
            blocks.append(block)
            inMemory += bytes.count
            return TextRef(offset: Int64(offset), count: UInt32(bytes.count))
        }
        pending.append(contentsOf: bytes)
        if pending.count >= Self.blockSize { flush() }
        return TextRef(offset: Int64(offset), count: UInt32(bytes.count))
    }

    /// Writes what is pending; called when the corpus is complete.
    func seal() {
        guard !sealed else { return }
        readCopyRun()
        flush()
        pending = []
        sealed = true
    }
    /// Set by `seal` (cleared by the next append or copy): a second `seal`, from another thread while texts are
    /// read, changes nothing.
    private var sealed = false

    /// Appends the text at `ref` of `source` (a store over a file) without making a String of it: copies of
    /// consecutive texts are read with one `pread` when the run ends.
    func copy(_ ref: TextRef, from source: TextStore) -> TextRef {
        sealed = false
        let start = source.fileBase + Int(ref.offset) - source.inMemory
        if let run = copyRun, run.source !== source || run.end != start || run.count >= Self.blockSize { readCopyRun() }
        let offset = length
        if copyRun == nil { copyRun = CopyRun(source: source, start: start, end: start) }
        copyRun!.end += Int(ref.count)
        return TextRef(offset: Int64(offset), count: ref.count)
    }

    /// A range of another store's file to append.
    private struct CopyRun {
        let source: TextStore
        let start: Int
        var end: Int
        var count: Int { end - start }
    }

    /// Reads the pending copy from its file and appends it (a file that cannot be read gives zero bytes, which
    /// the model file's checksum then holds: the copy is never shorter than its references).
    private func readCopyRun() {
        guard let run = copyRun else { return }
        copyRun = nil
        var bytes = [UInt8](repeating: 0, count: run.count)
        bytes.withUnsafeMutableBytes { buffer in
            var got = 0
            while got < run.count {
                let n = pread(run.source.file, buffer.baseAddress! + got, run.count - got, off_t(run.start + got))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
        }
        _ = bytes.withUnsafeBufferPointer { append(bytes: $0) }
    }

    private func openFile() -> Bool {
        let dir = ProcessEnvironment.value("DOSSIER_CACHE_DIR") ?? NSTemporaryDirectory()
        var template = Array((dir.hasSuffix("/") ? dir : dir + "/").utf8CString.dropLast()) + Array("dossier-texts-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return false }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        file = fd
        return true
    }

    private func flush() {
        guard file >= 0, !pending.isEmpty else { return }
        if failedStart == nil {
            var written = 0
            pending.withUnsafeBytes { raw in
                while written < raw.count {
                    let n = pwrite(file, raw.baseAddress! + written, raw.count - written, off_t(fileBase + spilled + written))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    written += n
                }
            }
            if written == pending.count {
                pending.withUnsafeBytes { self.written?.add($0) }
                spilled += pending.count
                pending.removeAll(keepingCapacity: true)
                return
            }
            // The disk is full or gone: from these texts on, everything stays in memory, where reads find it.
            failedStart = inMemory + spilled
        }
        failedBytes.append(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
    private var failedBytes: [UInt8] = []
    private var failedStart: Int?

    /// The text at `ref`, as a String (cached: reading sentence after sentence of a document reads it once).
    func string(_ ref: TextRef) -> String {
        if ref.count == 0 { return "" }
        lock.lock()
        if let s = cache[ref.offset] { lock.unlock(); return s }
        lock.unlock()
        let s = read(ref)
        lock.lock()
        if cache[ref.offset] == nil {
            if cacheOrder.count >= Self.cacheSize { cache[cacheOrder.removeFirst()] = nil }
            cache[ref.offset] = s
            cacheOrder.append(ref.offset)
        }
        lock.unlock()
        return s
    }

    private func read(_ ref: TextRef) -> String {
        let start = Int(ref.offset), count = Int(ref.count)
        if start + count <= inMemory {
            // Blocks are whole texts: find the block holding `start`.
            var lo = 0, hi = blockStarts.count - 1
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if blockStarts[mid] <= start { lo = mid } else { hi = mid - 1 }
            }
            let from = start - blockStarts[lo]
            return blocks[lo].withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[from..<(from + count)]), as: UTF8.self) }
        }
        if let f = failedStart, start >= f, start - f < failedBytes.count {
            let from = start - f
            return String(decoding: failedBytes[from..<(from + count)], as: UTF8.self)
        }
        let fileOffset = start - inMemory
        if fileOffset >= spilled {
            // Still pending (read before `seal`).
            let from = start - (failedStart.map { $0 + failedBytes.count } ?? inMemory + spilled)
            return String(decoding: pending[from..<(from + count)], as: UTF8.self)
        }
        do { try checkBlocks(fileOffset..<(fileOffset + count)) } catch { damaged(error) }
        return String(unsafeUninitializedCapacity: count) { buffer in
            var got = 0
            while got < count {
                let n = pread(file, buffer.baseAddress! + got, count - got, off_t(fileBase + fileOffset + got))
                if n <= 0 { if n < 0 && errno == EINTR { continue }; break }
                got += n
            }
            return got
        }
    }

    /// For a store writing a model file's texts: the checksum of each block, once sealed; nil when some could not
    /// be written (a full disk: they stayed in memory, and the file is not complete).
    var writtenBlocks: [UInt64]? { failedStart == nil && failedBytes.isEmpty ? written?.sums : nil }

    /// Checks the blocks holding the file bytes `range` (from `fileBase`) that have not been checked yet.
    func checkBlocks(_ range: Range<Int>) throws(CacheFormatError) {
        guard !blockSums.isEmpty, !range.isEmpty else { return }
        lock.lock()
        defer { lock.unlock() }
        for block in (range.lowerBound / blockSize)...((range.upperBound - 1) / blockSize) {
            let start = block * blockSize, count = min(blockSize, spilled - start)
            guard block < blockSums.count, count > 0 else { throw CacheFormatError("texts block \(block) is missing") }
            if blockChecked[block] { continue }
            var sum = WideChecksum()
            var bytes = [UInt8](repeating: 0, count: count), got = 0
            bytes.withUnsafeMutableBytes { buffer in
                while got < count {
                    let n = pread(file, buffer.baseAddress! + got, count - got, off_t(fileBase + start + got))
                    if n < 0 && errno == EINTR { continue }
                    if n <= 0 { break }
                    got += n
                }
            }
            guard got == count else { throw CacheFormatError("truncated texts (block \(block))") }
            bytes.withUnsafeBytes { sum.add($0) }
            guard sum.value == blockSums[block] else { throw CacheFormatError("texts block \(block) checksum mismatch") }
            blockChecked[block] = true
        }
    }

    /// Checks every block of the texts not checked yet (a build copying texts from an earlier model file).
    func checkAllBlocks() throws(CacheFormatError) { try checkBlocks(0..<spilled) }
    /// The open file the store reads from (and writes to), or -1.
    var fileDescriptor: Int32 { file }

    /// Bytes held in memory (for the benchmarks).
    var memoryBytes: Int { inMemory + failedBytes.count + pending.count }
}

/// A model file's texts cut into blocks of `size` bytes (the last one shorter), each with its own checksum
/// (`WideChecksum`): a load checks a block only when a text in it is first read, not the whole texts on every
/// load (docs/model-cache.md, format 9).
public struct TextBlocks {
    /// The blocks' size a build writes (the header says which size a file has).
    public static let defaultSize = 1 << 16
    /// The sizes a file may have: a smaller one makes a test's small corpus several blocks.
    static let sizes = 256...(1 << 26)
    let size: Int
    private(set) var finished: [UInt64] = []
    init(size: Int) { self.size = size }
    private var current = WideChecksum()
    private var filled = 0

    /// Adds the next bytes of the texts.
    mutating func add(_ raw: UnsafeRawBufferPointer) {
        var at = 0
        while at < raw.count {
            let take = min(size - filled, raw.count - at)
            current.add(UnsafeRawBufferPointer(rebasing: raw[at..<(at + take)]))
            filled += take
            at += take
            if filled == size {
                finished.append(current.value)
                current = WideChecksum()
                filled = 0
            }
        }
    }

    /// Every block's checksum, the last partial one included.
    var sums: [UInt64] { filled > 0 ? finished + [current.value] : finished }

    /// How many blocks texts of `length` bytes make.
    func count(length: Int) -> Int { (length + size - 1) / size }
}
