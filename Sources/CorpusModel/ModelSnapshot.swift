import Foundation

/// A whole model in one file, for the model cache (docs/model-cache.md): a 64-byte header, the article texts
/// (not read into memory but read back from the file when a plugin asks for them), then the tables (where the
/// sentences, mentions and times lie, the texts' block checksums, documents, discovered entities, visits, events,
/// diagnostics, then the sentences, mentions and times). The tables up to the sentences are checksummed together
/// and checked on load; the sentences, mentions and times each have their own checksum, checked when they are
/// first read (`StoredColumns`); the texts block by block, each checked when a text in it is first read. The size
/// is checked against the header, so a truncated or damaged file is refused, never half-read.
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
        /// The size of the texts' blocks, each checksummed on its own (`TextBlocks`; format 9, the texts' checksum before).
        var textBlockSize = UInt64(TextBlocks.defaultSize)

        var bytes: [UInt8] {
            var w = ByteWriter()
            w.u64(ModelSnapshot.magic); w.u32(version); w.u32(checksumKind); w.u64(key)
            w.u64(tablesLength); w.u64(tablesChecksum); w.u64(textsLength); w.u64(textBlockSize)
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
            tablesLength = try r.u64(); tablesChecksum = try r.u64(); textsLength = try r.u64(); textBlockSize = try r.u64()
            let stored = try r.u64()
            guard stored == Checksum.of(UnsafeRawBufferPointer(rebasing: raw[0..<56])) else { throw CacheFormatError("header checksum mismatch") }
            guard version == ModelCodec.formatVersion else { throw CacheFormatError("format version \(version), this Dossier writes \(ModelCodec.formatVersion)", outdated: true) }
            guard checksumKind == ModelSnapshot.checksumKind else {
                throw CacheFormatError("checksum kind \(checksumKind), expected \(ModelSnapshot.checksumKind)")
            }
            guard TextBlocks.sizes.contains(Int(clamping: textBlockSize)) else { throw CacheFormatError("texts in blocks of \(textBlockSize) bytes") }
        }
    }

    // MARK: Writing (see ModelFileDraft for the texts)

    /// Writes the tables to `sink` section by section: the large arrays straight from their memory, never the
    /// whole tables in one buffer.
    /// `textBlocks`: the checksum of each block of the texts, which the tables begin with.
    static func encodeTables(_ corpus: Corpus, diagnostics: [Diagnostic], textBlocks: [UInt64], into sink: inout TablesSink) throws {
        var w = ByteWriter()
        let tables = corpus.tables ?? DocumentTables()
        func flush() throws { try sink.write(w.bytes); w.bytes.removeAll(keepingCapacity: true) }
        func memory<T: PlainMemory>(_ items: [T]) throws {
            w.u32(UInt32(items.count))
            try flush()
            try items.withUnsafeBytes { try sink.write($0) }
        }
        /// Where the sentences, mentions and times lie: their counts and checksums, first (their bytes come last).
        func describe<T: PlainMemory>(_ items: [T]) {
            w.u64(UInt64(items.count))
            w.u64(items.withUnsafeBytes { WideChecksum.of($0) })
        }
        describe(tables.sentences); describe(tables.mentions); describe(tables.times)
        try memory(textBlocks)
        w.list(tables.directories) { $0.string($1) }
        try memory(tables.strings)
        w.values(tables.records)
        try memory(tables.documentKeys)
        // The other events are encoded on another core while the entities and visits are encoded and written.
        let events = corpus.events
        let laterSections = BackgroundWork { () -> [UInt8] in
            // The events' length first: a model is read without them, and they are decoded when first read.
            var encoded = ByteWriter()
            encoded.values(events)
            var later = ByteWriter()
            later.u64(UInt64(encoded.bytes.count))
            later.bytes.append(contentsOf: encoded.bytes)
            later.values(diagnostics)
            return later.bytes
        }
        w.u32(UInt32(corpus.gazetteer.entities.count))
        w.values(corpus.entities[corpus.gazetteer.entities.count...])
        try flush()
        w.values(corpus.visits)
        try flush()
        try sink.write(laterSections.take())
        try tables.sentences.withUnsafeBytes { try sink.writeUnchecked($0) }
        try tables.mentions.withUnsafeBytes { try sink.writeUnchecked($0) }
        try tables.times.withUnsafeBytes { try sink.writeUnchecked($0) }
    }

    /// The size of the description of the sentences, mentions and times the tables begin with.
    static let columnsDescriptionSize = 48

    // MARK: Reading

    /// A model file opened and checked: its header, its size and the tables' checksum (the texts are checked block
    /// by block as they are read: `TextBlocks`). It closes `file` when released, unless `texts` handed it to a
    /// store.
    public final class VerifiedFile: @unchecked Sendable {
        let file: Int32
        let header: Header
        /// The tables up to the sentences, mapped from the file.
        let tables: MappedRegion
        /// Where the sentences, mentions and times lie (checked when first read).
        let columns: (sentences: StoredColumns.Table, mentions: StoredColumns.Table, times: StoredColumns.Table)
        /// Each texts block's checksum, the first table.
        let textBlocks: [UInt64]
        /// Where the tables after the block checksums start in `tables`.
        let tablesBody: Int
        static var textsBase: Int { ModelSnapshot.headerSize }
        /// Whether `texts` gave the file to a store, which closes it.
        private var handedOver = false

        init(file: Int32, header: Header, tables: MappedRegion,
             columns: (sentences: StoredColumns.Table, mentions: StoredColumns.Table, times: StoredColumns.Table),
             textBlocks: [UInt64], tablesBody: Int) {
            self.file = file
            self.header = header
            self.tables = tables
            self.columns = columns
            self.textBlocks = textBlocks
            self.tablesBody = tablesBody
        }

        deinit { if !handedOver { close(file) } }

        /// The file's texts, read on demand, each block checked when first read (a mismatch goes to `damaged`).
        /// Called once: the store owns the file from then on.
        func texts(damaged: @escaping @Sendable (CacheFormatError) -> Never = TextStore.stop) -> TextStore {
            precondition(!handedOver, "a model file's texts are opened once")
            handedOver = true
            return TextStore(file: file, base: Self.textsBase, length: Int(header.textsLength), blocks: textBlocks,
                             blockSize: Int(header.textBlockSize), damaged: damaged)
        }

        /// The sentences, mentions and times, read when first used (a mismatch goes to `damaged`).
        func storedColumns(damaged: @escaping @Sendable (CacheFormatError) -> Never) -> StoredColumns {
            StoredColumns(file: file, sentences: columns.sentences, mentions: columns.mentions, times: columns.times, damaged: damaged)
        }
    }

    /// Opens `url` and checks its header, size and tables (`key`: the key it must have; nil: any).
    public static func openVerified(_ url: URL, key: UInt64?) throws -> VerifiedFile {
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
            let tablesStart = headerSize + Int(header.textsLength)
            let columns = try describedColumns(fd, tablesStart: tablesStart, tablesLength: Int(header.tablesLength))
            let checked = columns.sentences.offset - tablesStart
            let tables = try MappedRegion(fd, at: tablesStart, count: checked)
            guard tables.withUnsafeBytes({ WideChecksum.of($0) }) == header.tablesChecksum else { throw CacheFormatError("tables checksum mismatch") }
            let (blocks, body) = try tables.withUnsafeBytes { raw in
                var r = ByteReader(raw)
                r.at = columnsDescriptionSize
                return (try r.memory(UInt64.self), r.at)
            }
            guard blocks.count == TextBlocks(size: Int(header.textBlockSize)).count(length: Int(header.textsLength)) else {
                throw CacheFormatError("\(blocks.count) texts blocks for \(header.textsLength) bytes")
            }
            return VerifiedFile(file: fd, header: header, tables: tables, columns: columns, textBlocks: blocks, tablesBody: body)
        } catch {
            close(fd)
            throw error
        }
    }

    /// Where the sentences, mentions and times lie, from the description the tables begin with (checked with the
    /// tables before anything else is read): at the tables' end, one after the other.
    static func describedColumns(_ fd: Int32, tablesStart: Int, tablesLength: Int) throws
        -> (sentences: StoredColumns.Table, mentions: StoredColumns.Table, times: StoredColumns.Table) {
        guard tablesLength >= columnsDescriptionSize else { throw CacheFormatError("truncated tables") }
        let raw = try readBytes(fd, at: tablesStart, count: columnsDescriptionSize)
        var r = ByteReader(raw.withUnsafeBytes { $0 })
        func table<T: PlainMemory>(_: T.Type) throws -> StoredColumns.Table {
            let count = try r.u64(), checksum = try r.u64()
            guard count <= UInt64(tablesLength / MemoryLayout<T>.stride) else { throw CacheFormatError("a table larger than the file") }
            return StoredColumns.Table(count: Int(count), checksum: checksum)
        }
        var sentences = try table(Sentence.self), mentions = try table(EntityMention.self), times = try table(TimeExpression.self)
        let plain = StoredColumns.byteCount(sentences, of: Sentence.self) + StoredColumns.byteCount(mentions, of: EntityMention.self)
            + StoredColumns.byteCount(times, of: TimeExpression.self)
        guard plain <= tablesLength - columnsDescriptionSize else { throw CacheFormatError("the tables' description does not fit the file") }
        sentences.offset = tablesStart + tablesLength - plain
        mentions.offset = sentences.offset + StoredColumns.byteCount(sentences, of: Sentence.self)
        times.offset = mentions.offset + StoredColumns.byteCount(mentions, of: EntityMention.self)
        return (sentences, mentions, times)
    }

    /// Reads a model written by `ModelFileDraft`, over `gazetteer` (the one it was built with: the key says so).
    /// A texts block found damaged when first read goes to `damaged`.
    public static func read(_ url: URL, key: UInt64, gazetteer: Gazetteer,
                            damaged: @escaping @Sendable (CacheFormatError) -> Never = TextStore.stop) throws -> (Corpus, [Diagnostic]) {
        try read(openVerified(url, key: key), gazetteer: gazetteer, damaged: damaged)
    }

    /// What `read` throws when `proceed` said to stop.
    public struct Stopped: Error {}

    /// Reads the model of a file opened and checked (its key checked by the caller). `proceed` is asked between
    /// the tables: when it says no, the read stops (`Stopped`) without decoding the rest.
    public static func read(_ file: VerifiedFile, gazetteer: Gazetteer,
                            damaged: @escaping @Sendable (CacheFormatError) -> Never = TextStore.stop,
                            proceed: () -> Bool = { true }) throws -> (Corpus, [Diagnostic]) {
        let store = file.texts(damaged: damaged)
        let columns = file.storedColumns(damaged: damaged)
        return try file.tables.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            r.at = file.tablesBody
            let corpus = try decodeTables(&r, texts: store, columns: columns, gazetteer: gazetteer, mapped: file.tables,
                                          damaged: damaged, proceed: proceed)
            let diagnostics: [Diagnostic] = try r.values()
            guard r.at == r.base.count else { throw CacheFormatError("trailing bytes after the tables") }
            return (corpus, diagnostics)
        }
    }

    /// `mapped`: the region `r` reads, kept by the tables for the strings they read in place and by the events,
    /// decoded from it when first read (a mistake then goes to `damaged`).
    static func decodeTables(_ r: inout ByteReader, texts: TextStore, columns: StoredColumns, gazetteer: Gazetteer,
                             mapped: MappedRegion, damaged: @escaping @Sendable (CacheFormatError) -> Never,
                             proceed: () -> Bool = { true }) throws -> Corpus {
        func step() throws { if !proceed() { throw Stopped() } }
        let tables = DocumentTables(texts: texts, stored: columns)
        tables.directories = try r.list { try $0.string() }
        let strings = Int(try r.u32())
        tables.mappedStrings = MappedBytes(mapped, at: r.at, count: strings)
        _ = try r.take(strings)
        try step()
        tables.records = try r.values()
        tables.documentKeys = try r.memory(UInt64.self)
        guard Int(try r.u32()) == gazetteer.entities.count else { throw CacheFormatError("built with another gazetteer") }
        try step()
        let discovered: [Entity] = try r.values()
        try step()
        let visits: [Visit] = try r.values()
        try step()
        let events = try lazyEvents(&r, mapped: mapped, damaged: damaged)
        try validate(tables, sentences: columns.sentenceTable.count, mentions: columns.mentionTable.count, times: columns.timeTable.count)
        let documents = tables.records.indices.map { Document(tables: tables, index: $0) }
        return Corpus(documents: documents, entities: EntityTable(gazetteer: gazetteer.entities, own: discovered), visits: visits,
                      eventList: events, gazetteer: gazetteer)
    }

    /// The events' section skipped, and decoded from where the file is mapped when first read.
    static func lazyEvents(_ r: inout ByteReader, mapped: MappedRegion,
                           damaged: @escaping @Sendable (CacheFormatError) -> Never) throws -> EventList {
        let length = try r.u64()
        guard length <= UInt64(r.base.count - r.at), let bytes = MappedBytes(mapped, at: r.at, count: Int(length)) else {
            throw CacheFormatError("truncated events")
        }
        var counter = ByteReader(bytes.bytes)
        let count = Int(try counter.u32()) // `values` begins with the count
        r.at += Int(length)
        return EventList(count: count) {
            var reader = ByteReader(bytes.bytes)
            do {
                let events: [Event] = try reader.values()
                guard reader.at == bytes.bytes.count, events.count == count else { throw CacheFormatError("the events do not fill their section") }
                return events
            } catch {
                damaged(error as? CacheFormatError ?? CacheFormatError("events: \(error)"))
            }
        }
    }

    /// Ranges that point outside their tables would trap later: refuse them here.
    static func validate(_ t: DocumentTables, sentences: Int, mentions: Int, times: Int) throws {
        guard t.documentKeys.count == t.records.count else { throw CacheFormatError("\(t.documentKeys.count) document keys for \(t.records.count) documents") }
        for r in t.records {
            guard r.sentenceStart >= 0, r.sentenceStart <= r.sentenceEnd, Int(r.sentenceEnd) <= sentences,
                  r.mentionStart >= 0, r.mentionStart <= r.mentionEnd, Int(r.mentionEnd) <= mentions,
                  r.timeStart >= 0, r.timeStart <= r.timeEnd, Int(r.timeEnd) <= times,
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

}

/// A region of a file, mapped read-only (read into memory when it cannot be mapped); unmapped when released.
/// Bytes of a `MappedRegion`, read in place; the region stays mapped while they are kept.
struct MappedBytes: @unchecked Sendable {
    private let region: MappedRegion
    let bytes: UnsafeRawBufferPointer

    /// Nil when the range is outside the region (the caller's reader then refuses it).
    init?(_ region: MappedRegion, at offset: Int, count: Int) {
        guard offset >= 0, count >= 0, offset + count <= region.count else { return nil }
        self.region = region
        bytes = region.withUnsafeBytes { UnsafeRawBufferPointer(rebasing: $0[offset..<(offset + count)]) }
    }
}

final class MappedRegion: @unchecked Sendable {
    private let mapping: UnsafeMutableRawPointer?
    private let mappingLength: Int
    private let start: UnsafeRawPointer?
    let count: Int

    init(_ fd: Int32, at offset: Int, count: Int) throws {
        self.count = count
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let aligned = offset / page * page
        mappingLength = count + offset - aligned
        if count == 0 { mapping = nil; start = nil; return }
        let mapped = mmap(nil, mappingLength, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, off_t(aligned))
        if let mapped, mapped != MAP_FAILED {
            mapping = mapped
            start = UnsafeRawPointer(mapped + (offset - aligned))
            return
        }
        let copy = try ModelSnapshot.readBytes(fd, at: offset, count: count)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: count, alignment: 16)
        copy.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: count) }
        mapping = nil
        start = UnsafeRawPointer(buffer)
    }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try body(UnsafeRawBufferPointer(start: start, count: count))
    }

    deinit {
        if let mapping { munmap(mapping, mappingLength) } else { start.map { UnsafeMutableRawPointer(mutating: $0).deallocate() } }
    }
}
