/// `Checksum`'s mixing over four interleaved lanes of 64-bit words: the four multiplications of a 32-byte block do
/// not wait on each other, so it runs several times faster over the hundreds of megabytes of a model file's texts
/// and tables, which every load of the model cache verifies. Like `Checksum`, the value is the same however the
/// bytes are split between calls to `add`.
public struct WideChecksum: Sendable {
    private var a: UInt64 = 0xCBF2_9CE4_8422_2325
    private var b: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var c: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var d: UInt64 = 0x1656_67B1_9E37_79F9
    /// Bytes not yet making a whole block (fewer than 32), and how many bytes were added in all.
    private var pending: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var pendingCount = 0
    private var length: UInt64 = 0
    static let blockSize = 32

    public init() {}

    @inline(__always)
    private static func mix(_ h: UInt64, _ word: UInt64) -> UInt64 {
        let h = (h ^ word) &* 0x0000_0100_0000_01B3
        return h ^ (h >> 29)
    }

    @inline(__always)
    private mutating func block(_ raw: UnsafeRawPointer) {
        a = Self.mix(a, raw.loadUnaligned(as: UInt64.self))
        b = Self.mix(b, raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        c = Self.mix(c, raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self))
        d = Self.mix(d, raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self))
    }

    public mutating func add(_ bytes: UnsafeRawBufferPointer) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        length &+= UInt64(bytes.count)
        var i = 0
        if pendingCount > 0 {
            let take = min(Self.blockSize - pendingCount, bytes.count)
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.advanced(by: pendingCount).copyMemory(from: base, byteCount: take) }
            pendingCount += take
            i = take
            guard pendingCount == Self.blockSize else { return }
            var full = pending
            withUnsafeBytes(of: &full) { block($0.baseAddress!) }
            pendingCount = 0
        }
        while bytes.count - i >= Self.blockSize {
            block(base + i)
            i += Self.blockSize
        }
        let rest = bytes.count - i
        if rest > 0 {
            withUnsafeMutableBytes(of: &pending) { $0.baseAddress!.copyMemory(from: base + i, byteCount: rest) }
            pendingCount = rest
        }
    }

    public mutating func add(_ bytes: [UInt8]) { bytes.withUnsafeBytes { add($0) } }

    /// The four lanes, the bytes of the last partial block and the length, folded into one number.
    public var value: UInt64 {
        var sum = Checksum()
        var tail = pending
        for word in [a, b, c, d, length] { withUnsafeBytes(of: word.littleEndian) { sum.add($0) } }
        withUnsafeBytes(of: &tail) { sum.add(UnsafeRawBufferPointer(rebasing: $0[0..<pendingCount])) }
        return sum.value
    }

    /// The checksum of a buffer.
    public static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var sum = WideChecksum()
        sum.add(bytes)
        return sum.value
    }
}
