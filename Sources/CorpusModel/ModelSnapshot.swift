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
            guard version == ModelCodec.formatVersion else { throw CacheFormatError("format version \(version), this Dossier writes \(ModelCodec.formatVersion)", outdated: true) }
            guard checksumKind == ModelSnapshot.checksumKind else {
                throw CacheFormatError("checksum kind \(checksumKind), expected \(ModelSnapshot.checksumKind)")
            }
        }
    }

    // MARK: Writing (see ModelFileDraft for the texts)

    /// Writes the tables to `sink` section by section: the large arrays straight from their memory, never the
    /// whole tables in one buffer.
    static func encodeTables(_ corpus: Corpus, diagnostics: [Diagnostic], into sink: inout TablesSink) throws {
        var w = ByteWriter()
        let tables = corpus.tables ?? DocumentTables()
        func flush() throws { try sink.write(w.bytes); w.bytes.removeAll(keepingCapacity: true) }
        func memory<T: PlainMemory>(_ items: [T]) throws {
            w.u32(UInt32(items.count))
            try flush()
            try items.withUnsafeBytes { try sink.write($0) }
        }
        w.list(tables.directories) { $0.string($1) }
        try memory(tables.strings)
        w.values(tables.records)
        try memory(tables.documentKeys)
        try memory(tables.sentences)
        try memory(tables.mentions)
        try memory(tables.times)
        w.u32(UInt32(corpus.gazetteer.entities.count))
        w.values(corpus.entities[corpus.gazetteer.entities.count...])
        try flush()
        w.values(corpus.visits)
        try flush()
        w.values(corpus.events)
        w.values(diagnostics)
        try flush()
    }

    // MARK: Reading

    /// A model file opened and checked: its header, size and both checksums. The caller owns `file`.
    struct VerifiedFile {
        let file: Int32
        let header: Header
        let tables: [UInt8]
        static var textsBase: Int { ModelSnapshot.headerSize }
    }

    /// Opens `url` and checks it whole (`key`: the key it must have; nil: any).
    static func openVerified(_ url: URL, key: UInt64?) throws -> VerifiedFile {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CacheFormatError("cannot open: \(String(cString: strerror(errno)))") }
        do {
            let header = try readBytes(fd, at: 0, count: headerSize).withUnsafeBytes { try Header($0) }
            if let key, header.key != key { throw CacheFormatError("key mismatch") }
            var st = stat()
            let size = UInt64(headerSize) + header.tablesLength + header.textsLength
            guard fstat(fd, &st) == 0, UInt64(st.st_size) == size else {
                throw CacheFormatError("truncated: \(st.st_size) bytes, the header says \(size)")
            }
            let tables = try readBytes(fd, at: headerSize + Int(header.textsLength), count: Int(header.tablesLength))
            guard tables.withUnsafeBytes({ WideChecksum.of($0) }) == header.tablesChecksum else { throw CacheFormatError("tables checksum mismatch") }
            guard try checksum(fd, from: VerifiedFile.textsBase, count: Int(header.textsLength)) == header.textsChecksum else {
                throw CacheFormatError("texts checksum mismatch")
            }
            return VerifiedFile(file: fd, header: header, tables: tables)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Reads a model written by `ModelFileDraft`, over `gazetteer` (the one it was built with: the key says so).
    public static func read(_ url: URL, key: UInt64, gazetteer: Gazetteer) throws -> (Corpus, [Diagnostic]) {
        let file = try openVerified(url, key: key)
        let store = TextStore(file: file.file, base: VerifiedFile.textsBase, length: Int(file.header.textsLength))
        return try file.tables.withUnsafeBytes { raw in
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
        tables.documentKeys = try r.memory(UInt64.self)
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
        guard t.documentKeys.count == t.records.count else { throw CacheFormatError("\(t.documentKeys.count) document keys for \(t.records.count) documents") }
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
