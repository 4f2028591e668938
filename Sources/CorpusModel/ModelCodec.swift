import Foundation

// The binary encoding of the model's types for the model cache (docs/model-cache.md). Each type's fields are
// written in one place, its `encode`/`init(from:)` pair below; when a type gains, loses or changes a field, both
// change and `ModelCodec.formatVersion` goes up, so no cache written before is read. The tests round-trip a whole
// model through the cache and compare every stored field (by reflection), so a field the codec forgets fails them.

public enum ModelCodec {
    /// The version of the encoding: bump it with any change to an `encode`/`init(from:)` pair.
    public static let formatVersion: UInt32 = 14

    /// The format version and the sizes of the types written as raw memory: a change to either makes a new key.
    public static var fingerprint: String {
        "model-codec \(formatVersion) sentence \(MemoryLayout<Sentence>.stride) mention \(MemoryLayout<EntityMention>.stride) "
            + "time \(MemoryLayout<TimeExpression>.stride) " + cacheCodes.joined(separator: " ")
    }
}

/// A cache file that cannot be used: its header, size, checksum or contents are wrong.
public struct CacheFormatError: Error, CustomStringConvertible, Sendable {
    public var message: String
    /// Written by another version of the format: not damage, only out of date.
    public var outdated: Bool
    public init(_ message: String, outdated: Bool = false) { self.message = message; self.outdated = outdated }
    public var description: String { message }

    /// How a note names what was wrong with a cache file.
    public static func state(of error: any Error) -> String {
        if let e = error as? CacheFormatError, e.outdated { return "out of date (\(e.message))" }
        return "damaged (\(error))"
    }
}

/// Appends little-endian numbers, strings and arrays to a byte buffer.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func u8(_ v: UInt8) { bytes.append(v) }
    mutating func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func u64(_ v: UInt64) { withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ v: Int) { u64(UInt64(bitPattern: Int64(v))) }
    mutating func bool(_ v: Bool) { u8(v ? 1 : 0) }
    mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { u32(UInt32($0.count)); bytes.append(contentsOf: $0) }
    }
    mutating func optional(_ s: String?) { if let s { u8(1); string(s) } else { u8(0) } }
    mutating func optional(_ v: Int?) { if let v { u8(1); int(v) } else { u8(0) } }
    mutating func date(_ d: PartialDate?) { u32(d?.packed ?? 0) }
    mutating func float(_ v: Float) { u32(v.bitPattern) }
    mutating func optional(_ r: Range<Int>?) { if let r { u8(1); int(r.lowerBound); int(r.upperBound) } else { u8(0) } }
    /// A case of a small enumeration as its place among the cases, one byte (0 for nil, else the place plus one).
    mutating func optionalRaw<E: CacheCode>(_ e: E?) { u8(e.map { E.code(of: $0) + 1 } ?? 0) }
    /// A small optional code in one byte: 0 for nil, else its raw value plus one.
    mutating func optionalCode<E: RawRepresentable>(_ e: E?) where E.RawValue == UInt8 { u8(e.map { $0.rawValue + 1 } ?? 0) }
    /// A case of a small enumeration as its place among the cases, one byte.
    mutating func raw<E: CacheCode>(_ e: E) { u8(E.code(of: e)) }
    mutating func list<T>(_ items: some Collection<T>, _ each: (inout ByteWriter, T) -> Void) {
        u32(UInt32(items.count))
        for item in items { each(&self, item) }
    }
    mutating func value<T: CacheCodable>(_ v: T) { v.encode(to: &self) }
    mutating func values<T: CacheCodable>(_ items: some Collection<T>) { list(items) { $0.value($1) } }
    /// Plain fixed-size values (sentences, mentions, times) as their memory: the fingerprint guards their layout.
    mutating func memory<T: PlainMemory>(_ items: some Collection<T>) {
        let array = Array(items)
        u32(UInt32(array.count))
        array.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }
}

/// Reads what `ByteWriter` wrote; every read checks the bounds, so a damaged buffer is an error, never a crash.
struct ByteReader {
    let base: UnsafeRawBufferPointer
    var at = 0
    /// The last mention rule set read and its number in `MentionRuleSets`: mentions in a row mostly share their
    /// set, and numbering one takes a lock and a hash.
    var lastMentionRules: (set: RuleSet, number: UInt16)?

    init(_ base: UnsafeRawBufferPointer) { self.base = base }

    mutating func take(_ n: Int) throws -> UnsafeRawBufferPointer {
        guard n >= 0, at + n <= base.count else { throw CacheFormatError("truncated record") }
        defer { at += n }
        return UnsafeRawBufferPointer(rebasing: base[at..<(at + n)])
    }
    mutating func u8() throws -> UInt8 { try take(1)[0] }
    mutating func u32() throws -> UInt32 { UInt32(littleEndian: try take(4).loadUnaligned(as: UInt32.self)) }
    mutating func u64() throws -> UInt64 { UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self)) }
    mutating func int() throws -> Int { Int(Int64(bitPattern: try u64())) }
    mutating func bool() throws -> Bool { try u8() != 0 }
    mutating func string() throws -> String {
        let n = Int(try u32())
        return String(decoding: try take(n), as: UTF8.self)
    }
    mutating func optionalString() throws -> String? { try u8() == 0 ? nil : try string() }
    mutating func optionalInt() throws -> Int? { try u8() == 0 ? nil : try int() }
    mutating func date() throws -> PartialDate? {
        let packed = try u32()
        return packed == 0 ? nil : PartialDate(packed: packed)
    }
    mutating func float() throws -> Float { Float(bitPattern: try u32()) }
    mutating func optionalRange() throws -> Range<Int>? {
        guard try u8() != 0 else { return nil }
        let lower = try int(), upper = try int()
        guard lower <= upper else { throw CacheFormatError("range \(lower)..<\(upper)") }
        return lower..<upper
    }
    /// What `ByteWriter.optionalCode` wrote; an unknown code is refused with `what` named.
    mutating func optionalCode<E: RawRepresentable>(_: E.Type, _ what: String) throws -> E? where E.RawValue == UInt8 {
        let code = try u8()
        guard code > 0 else { return nil }
        guard let e = E(rawValue: code - 1) else { throw CacheFormatError("unknown \(what) \(code)") }
        return e
    }
    mutating func optionalRaw<E: CacheCode>(_: E.Type) throws -> E? {
        let code = Int(try u8())
        return code == 0 ? nil : try E.value(code - 1)
    }
    mutating func raw<E: CacheCode>(_: E.Type) throws -> E { try E.value(Int(try u8())) }
    mutating func list<T>(_ each: (inout ByteReader) throws -> T) throws -> [T] {
        let n = Int(try u32())
        guard n <= base.count - at else { throw CacheFormatError("truncated list") }
        guard n > 0 else { return [] } // reserving room for none would still allocate a buffer
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try each(&self)) }
        return out
    }
    mutating func value<T: CacheCodable>(_: T.Type = T.self) throws -> T { try T(from: &self) }
    mutating func values<T: CacheCodable>(_: T.Type = T.self) throws -> [T] { try list { try T(from: &$0) } }
    mutating func memory<T: PlainMemory>(_: T.Type) throws -> [T] {
        let n = Int(try u32())
        let size = MemoryLayout<T>.stride
        guard n <= (base.count - at) / max(size, 1) else { throw CacheFormatError("truncated table") }
        let bytes = try take(n * size)
        return [T](unsafeUninitializedCapacity: n) { buffer, count in
            UnsafeMutableRawBufferPointer(buffer).copyMemory(from: bytes)
            count = n
        }
    }
}

/// A type made of plain numbers only, written as its memory (checked: `_isPOD`).
protocol PlainMemory {}
extension Sentence: PlainMemory {}
extension EntityMention: PlainMemory {}
extension TimeExpression: PlainMemory {}
extension UInt8: PlainMemory {}
extension UInt64: PlainMemory {}

/// A type the model cache stores: its fields, written and read in one place.
protocol CacheCodable {
    func encode(to w: inout ByteWriter)
    init(from r: inout ByteReader) throws
}

/// FNV-1a over 64-bit words (the last partial word padded): fast enough for hundreds of megabytes, and the same
/// however the bytes are split between calls to `add`.
public struct Checksum: Sendable {
    private var state: UInt64 = 0xCBF2_9CE4_8422_2325
    private var pending: UInt64 = 0
    private var pendingCount = 0

    public init() {}

    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let h = (h ^ word) &* 0x0000_0100_0000_01B3
        return h ^ (h >> 29)
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        var i = 0
        while pendingCount > 0 && i < bytes.count {
            pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
            pendingCount += 1
            i += 1
            if pendingCount == 8 { state = Self.mix(state, pending); pending = 0; pendingCount = 0 }
        }
        var h = state
        let words = (bytes.count - i) / 8
        for k in 0..<words { h = Self.mix(h, bytes.loadUnaligned(fromByteOffset: i + k * 8, as: UInt64.self)) }
        state = h
        i += words * 8
        while i < bytes.count {
            pending |= UInt64(bytes[i]) << UInt64(8 * pendingCount)
            pendingCount += 1
            i += 1
        }
    }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    public var value: UInt64 { pendingCount == 0 ? state : Self.mix(state, pending ^ UInt64(pendingCount) << 56) }

    /// The checksum of a buffer.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var c = Checksum()
        c.add(bytes)
        return c.value
    }
}
