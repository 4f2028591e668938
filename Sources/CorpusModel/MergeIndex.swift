import Foundation

/// What a rebuild after an edit needs to merge again only the visitor-destination groups and the event keys the
/// edited documents touch (`IncrementalRebuild`), made by every build with the model: each discovered person's
/// key, each merged visit candidate's visitor, destination code and document (in the merge's order), the country
/// codes in the order they were numbered with each one's first document, and each event's key hash and the
/// position, among its first document's event candidates, of the one that made it; the documents with notes
/// and where the first ones' notes are among the diagnostics. Kept by the model cache
/// beside the model file (`.merge`); a few bytes per candidate and per event.
public struct MergeIndex: Sendable, Equatable {
    var discoveredKeys: [UInt64]
    var candidateVisitors: [Int32]
    var candidateDestinations: [UInt32]
    var candidateDocuments: [Int32]
    var countryCodes: [String]
    var codeFirstDocuments: [Int32]
    var eventKeys: [UInt64]
    var eventPositions: [UInt32]
    /// The documents with notes (`NoteCollector`), ascending, and where the notes of the first ones (those told
    /// one by one) are in the diagnostics stored with the model.
    var noteDocuments: [Int32]
    var noteDiagnostics: [Int32]
    /// The notes of the documents past those told one by one, by kind (`DocumentNote.Kind.allCases`' order).
    var noteKindCounts: [UInt32]
    /// Where each document's diagnostics begin among those stored with the model.
    var diagnosticStarts: [Int32]

    static let magic: UInt64 = 0x5844_4E49_4752_4D44 // "DMRGINDX"
    static let version: UInt32 = 1

    /// The file's bytes: magic, version, the model key it goes with, the tables, and a checksum of all before it.
    public func encoded(modelKey: UInt64) -> [UInt8] {
        var w = ByteWriter()
        w.u64(Self.magic); w.u32(Self.version); w.u64(modelKey)
        w.memory(discoveredKeys)
        w.memory(candidateVisitors); w.memory(candidateDestinations); w.memory(candidateDocuments)
        w.list(countryCodes) { $0.string($1) }
        w.memory(codeFirstDocuments)
        w.memory(eventKeys); w.memory(eventPositions)
        w.memory(noteDocuments); w.memory(noteDiagnostics); w.memory(noteKindCounts); w.memory(diagnosticStarts)
        w.u64(Checksum.of(w.bytes.withUnsafeBytes { $0 }))
        return w.bytes
    }

    /// Reads `bytes` (a `.merge` file), refusing another model's index, another version and damage.
    public init(decoding bytes: UnsafeRawBufferPointer, modelKey: UInt64) throws {
        guard bytes.count >= 28, Checksum.of(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
                == bytes.loadUnaligned(fromByteOffset: bytes.count - 8, as: UInt64.self).littleEndian
        else { throw CacheFormatError("merge index checksum mismatch") }
        var r = ByteReader(UnsafeRawBufferPointer(rebasing: bytes[..<(bytes.count - 8)]))
        guard try r.u64() == Self.magic else { throw CacheFormatError("not a merge index") }
        guard try r.u32() == Self.version else { throw CacheFormatError("another merge index version", outdated: true) }
        guard try r.u64() == modelKey else { throw CacheFormatError("the merge index of another model") }
        discoveredKeys = try r.memory(UInt64.self)
        candidateVisitors = try r.memory(Int32.self)
        candidateDestinations = try r.memory(UInt32.self)
        candidateDocuments = try r.memory(Int32.self)
        countryCodes = try r.list { try $0.string() }
        codeFirstDocuments = try r.memory(Int32.self)
        eventKeys = try r.memory(UInt64.self)
        eventPositions = try r.memory(UInt32.self)
        noteDocuments = try r.memory(Int32.self)
        noteDiagnostics = try r.memory(Int32.self)
        noteKindCounts = try r.memory(UInt32.self)
        diagnosticStarts = try r.memory(Int32.self)
        guard r.at == r.base.count, candidateDestinations.count == candidateVisitors.count,
              candidateDocuments.count == candidateVisitors.count, codeFirstDocuments.count == countryCodes.count,
              eventPositions.count == eventKeys.count, noteDiagnostics.count <= noteDocuments.count,
              noteKindCounts.count == DocumentNote.Kind.allCases.count, candidateDestinations.allSatisfy({ Int($0) < countryCodes.count })
        else { throw CacheFormatError("merge index tables out of place") }
    }

    init(discoveredKeys: [UInt64], candidateVisitors: [Int32], candidateDestinations: [UInt32], candidateDocuments: [Int32],
         countryCodes: [String], codeFirstDocuments: [Int32], eventKeys: [UInt64], eventPositions: [UInt32],
         noteDocuments: [Int32], noteDiagnostics: [Int32], noteKindCounts: [UInt32], diagnosticStarts: [Int32]) {
        self.discoveredKeys = discoveredKeys
        self.candidateVisitors = candidateVisitors
        self.candidateDestinations = candidateDestinations
        self.candidateDocuments = candidateDocuments
        self.countryCodes = countryCodes
        self.codeFirstDocuments = codeFirstDocuments
        self.eventKeys = eventKeys
        self.eventPositions = eventPositions
        self.noteDocuments = noteDocuments
        self.noteDiagnostics = noteDiagnostics
        self.noteKindCounts = noteKindCounts
        self.diagnosticStarts = diagnosticStarts
    }
}

extension Int32: PlainMemory {}
extension UInt32: PlainMemory {}
