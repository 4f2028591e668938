import Foundation
import Synchronization

/// The sentences, mentions and times of a model loaded from the cache (docs/model-cache.md, format 9). They are
/// most of the tables, and many commands never read them (a count of visits), so they stay in the model file until
/// one of them is first read; then the three are read, checked against their own checksums, and kept.
final class StoredColumns: @unchecked Sendable {
    /// Where one of the three tables lies in the model file, how many values it holds, and its checksum.
    struct Table: Equatable {
        var count: Int
        var checksum: UInt64
        var offset = 0
    }

    struct Columns: Sendable {
        let sentences: [Sentence]
        let mentions: [EntityMention]
        let times: [TimeExpression]
    }

    private final class Box: Sendable {
        let columns: Columns
        init(_ columns: Columns) { self.columns = columns }
    }

    let sentenceTable: Table, mentionTable: Table, timeTable: Table
    private let file: Int32
    private let damaged: @Sendable (CacheFormatError) -> Never
    private let slot = AtomicLazyReference<Box>()
    private let reading = NSLock()

    /// `file` is the model file, open (the store keeps its own descriptor).
    init(file: Int32, sentences: Table, mentions: Table, times: Table, damaged: @escaping @Sendable (CacheFormatError) -> Never) {
        self.file = dup(file)
        sentenceTable = sentences
        mentionTable = mentions
        timeTable = times
        self.damaged = damaged
    }

    deinit { if file >= 0 { close(file) } }

    /// The three tables, read and checked on first use.
    var columns: Columns {
        if let box = slot.load() { return box.columns }
        reading.lock()
        defer { reading.unlock() }
        if let box = slot.load() { return box.columns }
        do {
            return slot.storeIfNil(Box(try read())).columns
        } catch {
            damaged(error)
        }
    }

    /// The three tables, read and checked now if they were not; a damaged one is thrown, not sent to `damaged`.
    func check() throws(CacheFormatError) {
        if slot.load() != nil { return }
        reading.lock()
        defer { reading.unlock() }
        if slot.load() != nil { return }
        _ = slot.storeIfNil(Box(try read()))
    }

    /// Reads the three tables from the file and checks them.
    func read() throws(CacheFormatError) -> Columns {
        Columns(sentences: try read(sentenceTable, name: "sentences"), mentions: try read(mentionTable, name: "mentions"),
                times: try read(timeTable, name: "times"))
    }

    /// The bytes of each table in the file: `count` values of `T` as memory.
    static func byteCount<T: PlainMemory>(_ table: Table, of _: T.Type) -> Int { table.count * MemoryLayout<T>.stride }

    private func read<T: PlainMemory>(_ table: Table, name: String) throws(CacheFormatError) -> [T] {
        let size = Self.byteCount(table, of: T.self)
        if size == 0 { return [] }
        var got = 0
        let values = [T](unsafeUninitializedCapacity: table.count) { buffer, count in
            let raw = UnsafeMutableRawBufferPointer(buffer)
            while got < size {
                let n = pread(file, raw.baseAddress! + got, size - got, off_t(table.offset + got))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { break }
                got += n
            }
            // Zeroed when cut short (a plain value has no invalid bit pattern); refused below.
            if got < size { (raw.baseAddress! + got).initializeMemory(as: UInt8.self, repeating: 0, count: size - got) }
            count = table.count
        }
        guard got == size else { throw CacheFormatError("truncated \(name) table") }
        guard values.withUnsafeBytes({ WideChecksum.of($0) }) == table.checksum else { throw CacheFormatError("\(name) table checksum mismatch") }
        return values
    }
}

extension Corpus {
    /// For a model loaded from the cache: reads and checks its sentences, mentions and times now (they are
    /// otherwise checked when first read, and a damaged one stops the command), throwing what is wrong.
    public func checkStoredColumns() throws {
        try tables?.storedColumns?.check()
    }
}
