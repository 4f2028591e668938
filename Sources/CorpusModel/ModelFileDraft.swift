import Foundation

/// A model file (`ModelSnapshot`) written while its corpus is built: the build's text store writes the texts
/// straight into it (nothing kept in memory, each text written once), then `complete` adds the tables after them
/// and the header before them. The corpus keeps reading its texts from the file, whether or not it is kept.
public final class ModelFileDraft: @unchecked Sendable {
    public let url: URL
    /// The build's text store: the file's texts part.
    let texts: TextStore

    /// The size of the texts' blocks, each checksummed on its own.
    let textBlockSize: Int

    /// What the build into this draft left for a later rebuild to merge again only what an edit touches (nil:
    /// the build made none); the model cache writes it beside the model file.
    public internal(set) var mergeIndex: MergeIndex?

    /// Creates `url` (a temporary name, renamed into place once complete); the texts are checksummed in blocks of
    /// `textBlockSize` bytes (a test makes it small).
    public init(url: URL, textBlockSize: Int = TextBlocks.defaultSize) throws {
        precondition(TextBlocks.sizes.contains(textBlockSize), "a texts block of \(textBlockSize) bytes")
        let fd = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw CacheFormatError("cannot create \(url.path): \(String(cString: strerror(errno)))") }
        self.url = url
        self.textBlockSize = textBlockSize
        texts = TextStore(writingTo: fd, base: ModelSnapshot.headerSize, blockSize: textBlockSize)
    }

    /// Ends the texts part: what the build left buffered is written. Done by `complete` too; called first when
    /// `complete` is to run on another thread while the corpus's texts are read on this one.
    public func sealTexts() {
        texts.seal()
    }

    /// Writes the tables of `corpus` (built into this draft) and the header: the file is then a complete model.
    public func complete(_ corpus: Corpus, diagnostics: [Diagnostic], key: UInt64) throws {
        if let built = corpus.tables?.texts, built !== texts { throw CacheFormatError("the corpus was not built into \(url.path)") }
        texts.seal()
        guard let textBlocks = texts.writtenBlocks else { throw CacheFormatError("the texts could not be written to \(url.path)") }
        var tables = TablesSink(draft: self, offset: ModelSnapshot.headerSize + texts.length)
        try ModelSnapshot.encodeTables(corpus, diagnostics: diagnostics, textBlocks: textBlocks, into: &tables)
        var header = ModelSnapshot.Header(key: key)
        header.textsLength = UInt64(texts.length)
        header.textBlockSize = UInt64(textBlockSize)
        header.tablesLength = UInt64(tables.length)
        header.tablesChecksum = tables.checksum.value
        try header.bytes.withUnsafeBytes { try write($0, at: 0) }
    }

    /// Removes the file's name; the corpus built into it still reads its texts through the open file.
    public func discard() {
        unlink(url.path)
    }

    func write(_ raw: UnsafeRawBufferPointer, at offset: Int) throws {
        let fd = texts.fileDescriptor
        var done = 0
        while done < raw.count {
            let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset + done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CacheFormatError("cannot write \(url.path): \(String(cString: strerror(errno)))") }
            done += n
        }
    }
}

/// The tables part of a model file, written as it is encoded, with its length and the checksum of what `write` wrote.
struct TablesSink {
    let draft: ModelFileDraft
    let offset: Int
    private(set) var length = 0
    private(set) var checksum = WideChecksum()

    init(draft: ModelFileDraft, offset: Int) {
        self.draft = draft
        self.offset = offset
    }

    mutating func write(_ raw: UnsafeRawBufferPointer) throws {
        guard !raw.isEmpty else { return }
        try draft.write(raw, at: offset + length)
        checksum.add(raw)
        length += raw.count
    }

    mutating func write(_ bytes: [UInt8]) throws { try bytes.withUnsafeBytes { try write($0) } }

    /// Writes bytes that have their own checksum (the sentences, mentions and times), outside the tables' checksum.
    mutating func writeUnchecked(_ raw: UnsafeRawBufferPointer) throws {
        guard !raw.isEmpty else { return }
        try draft.write(raw, at: offset + length)
        length += raw.count
    }
}

/// The texts of an earlier model file of a corpus, found by document key: a build copies a reused document's texts
/// from there (a byte range, not decoded) instead of reading its article again.
public final class ModelFileTexts: @unchecked Sendable {
    let store: TextStore
    private let records: [DocumentRecord]
    private let byKey: [UInt64: Int]

    /// Opens `url` and checks it as a load does (size, header, tables), and all its texts' blocks too, since a build
    /// copies most of them; its key may be any.
    public convenience init(url: URL) throws {
        try self.init(file: ModelSnapshot.openVerified(url, key: nil))
    }

    /// The same, of a file opened and checked already (its texts are checked here).
    public init(file: ModelSnapshot.VerifiedFile) throws {
        store = file.texts()
        try store.checkAllBlocks()
        (records, byKey) = try file.tables.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            r.at = file.tablesBody
            _ = try r.list { try $0.string() }
            _ = try r.memory(UInt8.self)
            let records: [DocumentRecord] = try r.values()
            let keys = try r.memory(UInt64.self)
            guard keys.count == records.count else { throw CacheFormatError("\(keys.count) document keys for \(records.count) documents") }
            let length = Int64(file.header.textsLength)
            var byKey: [UInt64: Int] = [:]
            byKey.reserveCapacity(keys.count)
            for (i, (key, record)) in zip(keys, records).enumerated() where key != 0 {
                guard record.text.offset >= 0, record.text.offset + Int64(record.text.count) <= length,
                      record.original.offset + Int64(record.original.count) <= length else {
                    throw CacheFormatError("a document's text points outside the texts")
                }
                byKey[key] = i
            }
            return (records, byKey)
        }
    }

    /// The texts of a model read from its file (`ModelSnapshot.read`), all its blocks checked.
    public init(corpus: Corpus) throws {
        guard let tables = corpus.tables else { throw CacheFormatError("a model without documents") }
        store = tables.texts
        try store.checkAllBlocks()
        records = tables.records
        var byKey: [UInt64: Int] = [:]
        byKey.reserveCapacity(records.count)
        for (i, key) in tables.documentKeys.enumerated() where key != 0 { byKey[key] = i }
        self.byKey = byKey
    }

    /// The texts of the document with document key `key`, when this model holds them.
    func texts(key: UInt64) -> StoredTexts? {
        guard key != 0, let i = byKey[key] else { return nil }
        let record = records[i]
        return StoredTexts(store: store, text: record.text, original: record.original.offset >= 0 ? record.original : nil)
    }
}

/// A document's texts in another store (an earlier model file): copied, not decoded, when the document is assembled.
struct StoredTexts {
    let store: TextStore
    let text: TextRef
    let original: TextRef?
}
