import Testing
@testable import CorpusModel

@Suite("wide checksum")
struct WideChecksumTests {
    static let bytes: [UInt8] = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ $0 >> 3) }

    @Test func theValueIsTheSameHoweverTheBytesAreSplit() {
        let whole = Self.bytes.withUnsafeBytes { WideChecksum.of($0) }
        for cuts in [[1], [31], [32], [33], [5, 6, 7, 100], [64, 65, 999], Array(stride(from: 3, to: 1000, by: 13))] {
            var sum = WideChecksum()
            var start = 0
            for cut in cuts + [Self.bytes.count] {
                Self.bytes.withUnsafeBytes { sum.add(UnsafeRawBufferPointer(rebasing: $0[start..<cut])) }
                start = cut
            }
            #expect(sum.value == whole, "\(cuts)")
        }
    }

    @Test func anyChangedByteOrLengthChangesTheValue() {
        let whole = Self.bytes.withUnsafeBytes { WideChecksum.of($0) }
        var values: Set<UInt64> = [whole]
        for position in [0, 7, 8, 31, 32, 500, 998, 999] {
            var changed = Self.bytes
            changed[position] ^= 0x01
            values.insert(changed.withUnsafeBytes { WideChecksum.of($0) })
        }
        // A longer buffer ending in zero bytes, and every prefix length around a block's end, are different sums.
        values.insert((Self.bytes + [0]).withUnsafeBytes { WideChecksum.of($0) })
        for length in 30...34 { values.insert(Self.bytes.withUnsafeBytes { WideChecksum.of(UnsafeRawBufferPointer(rebasing: $0[0..<length])) }) }
        #expect(values.count == 1 + 8 + 1 + 5)
    }
}
