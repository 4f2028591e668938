import Foundation

/// A whole model in one file, for the model cache (docs/model-cache.md): a 64-byte header, the article texts
/// (not read into memory but read back from the file when a plugin asks for them), then the tables (documents,
/// sentences, mentions, times, discovered entities, visits, events). Both parts are checksummed; the size is
/// checked against the header, so a truncated or damaged file is refused, never half-read.
extension Corpus {
    /// The document tables (nil for a corpus without documents).
    var tables: DocumentTables? { documents.first?.tables }
}

public enum ModelSnapshot {
    static let magic: UInt64 = 0x4C44_4F4D_5353_4F44 // "DOSSMODL"
    static let headerSize = 64
    /// The header's checksum kind: 1, the texts and tables summed with `WideChecksum` (the header itself with
    /// `Checksum`). The header's field was reserved (0) before; another value is refused.
    static let checksumKind: UInt32 = 1

    struct Header {
        var version = ModelCodec.formatVersion
        var checksumKind = ModelSnapshot.checksumKind
        var key: UInt64
        var tablesLength: UInt64 = 0
        var tablesChecksum: UInt64 = 0
        var textsLength: UInt64 = 0
        var textsChecksum: UInt64 = 0

        var bytes: [UInt8] {
            var w = ByteWriter()
            w.u64(ModelSnapshot.magic); w.u32(version); w.u32(checksumKind); w.u64(key)
            w.u64(tablesLength); w.u64(tablesChecksum); w.u64(textsLength); w.u64(textsChecksum)
            w.u64(Checksum.of(w.bytes.withUnsafeBytes { $0 }))
            return w.bytes
        }

        init(key: UInt64) { self.key = key }

        init(_ raw: UnsafeRawBufferPointer) throws {
            guard raw.count == ModelSnapshot.headerSize else { throw CacheFormatError("truncated header") }
            var r = ByteReader(raw)
            guard try r.u64() == ModelSnapshot.magic else { throw CacheFormatError("not a Dossier model file") }
            version = try r.u32()
            checksumKind = try r.u32()
            key = try r.u64()
            tablesLength = try r.u64(); tablesChecksum = try r.u64(); textsLength = try r.u64(); textsChecksum = try r.u64()
            let stored = try r.u64()
            guard stored == Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<56])) else { throw CacheFormatError("header checksum mismatch") }
            guard version == ModelCodec.formatVersion else { throw CacheFormatError("format version \(version), expected \(ModelCodec.formatVersion)") }
            guard checksumKind == ModelSnapshot.checksumKind else {
                throw CacheFormatError("checksum kind \(checksumKind), expected \(ModelSnapshot.checksumKind)")
            }
        }
    }

    // MARK: Writing

    /// Writes `corpus` to `url` (the caller writes to a temporary name and renames it into place).
    public static func write(_ corpus: Corpus, diagnostics: [Diagnostic], key: UInt64, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CacheFormatError("cannot create \(url.path)")
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: [UInt8](repeating: 0, count: headerSize))
        // The texts first, streamed to the file a block at a time, so the records can point at their new places.
        var header = Header(key: key)
        var records = corpus.tables?.records ?? []
        var texts = TextWriter(handle: handle)
        let store = corpus.tables?.texts
        for i in records.indices {
            records[i].text = try texts.add(store?.string(records[i].text) ?? "")
            if records[i].original.offset >= 0 { records[i].original = try texts.add(store?.string(records[i].original) ?? "") }
        }
        try texts.flush()
        var tables = encodeTables(corpus, records: records)
        var w = ByteWriter()
        w.values(diagnostics)
        tables += w.bytes
        header.tablesLength = UInt64(tables.count)
        header.tablesChecksum = tables.withUnsafeBytes { WideChecksum.of($0) }
        header.textsLength = UInt64(texts.length)
        header.textsChecksum = texts.checksum.value
        try handle.write(contentsOf: tables)
        try handle.seek(toOffset: 0)
        try handle.write(contentsOf: header.bytes)
    }

    static func encodeTables(_ corpus: Corpus, records: [DocumentRecord]) -> [UInt8] {
        var w = ByteWriter()
        let tables = corpus.tables ?? DocumentTables()
        w.list(tables.directories) { $0.string($1) }
        w.memory(tables.strings)
        w.values(records)
        w.memory(tables.sentences)
        w.memory(tables.mentions)
        w.memory(tables.times)
        w.u32(UInt32(corpus.gazetteer.entities.count))
        w.values(corpus.entities[corpus.gazetteer.entities.count...])
        w.values(corpus.visits)
        w.values(corpus.events)
        return w.bytes
    }

    // MARK: Reading

    /// Reads a model written by `write`, over `gazetteer` (the one it was built with: the key says so).
    public static func read(_ url: URL, key: UInt64, gazetteer: Gazetteer) throws -> (Corpus, [Diagnostic]) {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CacheFormatError("cannot open: \(String(cString: strerror(errno)))") }
        var keepOpen = false
        defer { if !keepOpen { close(fd) } }
        let header = try readBytes(fd, at: 0, count: headerSize).withUnsafeBytes { try Header($0) }
        guard header.key == key else { throw CacheFormatError("key mismatch") }
        var st = stat()
        guard fstat(fd, &st) == 0, UInt64(st.st_size) == UInt64(headerSize) + header.tablesLength + header.textsLength else {
            throw CacheFormatError("truncated: \(st.st_size) bytes, the header says \(UInt64(headerSize) + header.tablesLength + header.textsLength)")
        }
        let textsBase = headerSize
        let tables = try readBytes(fd, at: headerSize + Int(header.textsLength), count: Int(header.tablesLength))
        guard tables.withUnsafeBytes({ WideChecksum.of($0) }) == header.tablesChecksum else { throw CacheFormatError("tables checksum mismatch") }
        guard try checksum(fd, from: textsBase, count: Int(header.textsLength)) == header.textsChecksum else {
            throw CacheFormatError("texts checksum mismatch")
        }
        let store = TextStore(file: fd, base: textsBase, length: Int(header.textsLength))
        keepOpen = true
        return try tables.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            let corpus = try decodeTables(&r, texts: store, gazetteer: gazetteer)
            let diagnostics: [Diagnostic] = try r.values()
            guard r.at == r.base.count else { throw CacheFormatError("trailing bytes after the tables") }
            return (corpus, diagnostics)
        }
    }

    static func decodeTables(_ r: inout ByteReader, texts: TextStore, gazetteer: Gazetteer) throws -> Corpus {
        let tables = DocumentTables(texts: texts)
        tables.directories = try r.list { try $0.string() }
        tables.strings = try r.memory(UInt8.self)
        tables.records = try r.values()
        tables.sentences = try r.memory(Sentence.self)
        tables.mentions = try r.memory(EntityMention.self)
        tables.times = try r.memory(TimeExpression.self)
        guard Int(try r.u32()) == gazetteer.entities.count else { throw CacheFormatError("built with another gazetteer") }
        let discovered: [Entity] = try r.values()
        let visits: [Visit] = try r.values()
        let events: [Event] = try r.values()
        try validate(tables)
        let documents = tables.records.indices.map { Document(tables: tables, index: $0) }
        return Corpus(documents: documents, entities: gazetteer.entities + discovered, visits: visits, events: events, gazetteer: gazetteer)
    }

    /// Ranges that point outside their tables would trap later: refuse them here.
    static func validate(_ t: DocumentTables) throws {
        for r in t.records {
            guard r.sentenceStart >= 0, r.sentenceStart <= r.sentenceEnd, Int(r.sentenceEnd) <= t.sentences.count,
                  r.mentionStart >= 0, r.mentionStart <= r.mentionEnd, Int(r.mentionEnd) <= t.mentions.count,
                  r.timeStart >= 0, r.timeStart <= r.timeEnd, Int(r.timeEnd) <= t.times.count,
                  r.directory >= 0, Int(r.directory) < t.directories.count else {
                throw CacheFormatError("a document's ranges point outside the tables")
            }
        }
    }

    static func readBytes(_ fd: Int32, at offset: Int, count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: count) { buffer, n in
            var got = 0
            while got < count {
                let r = pread(fd, buffer.baseAddress! + got, count - got, off_t(offset + got))
                if r < 0 && errno == EINTR { continue }
                if r <= 0 { break }
                got += r
            }
            n = got
            if got < count { throw CacheFormatError("truncated: read \(got) of \(count) bytes") }
        }
    }

    /// The checksum of a file region, read a block at a time (the texts are not kept in memory).
    static func checksum(_ fd: Int32, from offset: Int, count: Int) throws -> UInt64 {
        var sum = WideChecksum()
        var buffer = [UInt8](repeating: 0, count: 1 << 22)
        var done = 0
        while done < count {
            let want = min(buffer.count, count - done)
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, off_t(offset + done)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw CacheFormatError("truncated texts") }
            buffer.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            done += n
        }
        return sum.value
    }
}

/// The texts part of a model file: appended in order, checksummed as they come, written a block at a time.
struct TextWriter {
    let handle: FileHandle
    var block: [UInt8] = []
    var length = 0
    var checksum = WideChecksum()
    static let blockSize = 1 << 22

    init(handle: FileHandle) {
        self.handle = handle
        block.reserveCapacity(Self.blockSize)
    }

    mutating func add(_ text: String) throws -> TextRef {
        var text = text
        let ref = TextRef(offset: Int64(length), count: UInt32(text.utf8.count))
        text.withUTF8 { bytes in
            block.append(contentsOf: bytes)
            checksum.add(UnsafeRawBufferPointer(bytes))
        }
        length += Int(ref.count)
        if block.count >= Self.blockSize { try flush() }
        return ref
    }

    mutating func flush() throws {
        try handle.write(contentsOf: block)
        block.removeAll(keepingCapacity: true)
    }
}
