import Foundation
import Testing
@testable import CorpusModel

/// The model cache stores each small enumeration's case as one byte, its place among the cases.
@Suite("Model cache: enumerations stored as their place among the cases")
struct ModelCodecEnumTests {
    func roundTrips<E: CacheCode>(_: E.Type) throws -> Bool {
        var w = ByteWriter()
        for e in E.allCases { w.raw(e); w.optionalRaw(Optional(e)) }
        w.optionalRaw(E?.none)
        #expect(w.bytes.count == 2 * E.allCases.count + 1, "one byte a case")
        return try w.bytes.withUnsafeBytes { bytes in
            var r = ByteReader(bytes)
            for e in E.allCases {
                guard try r.raw(E.self) == e, try r.optionalRaw(E.self) == e else { return false }
            }
            return try r.optionalRaw(E.self) == nil
        }
    }

    @Test func everyCaseOfEveryStoredEnumerationComesBack() throws {
        #expect(try roundTrips(VisitKind.self))
        #expect(try roundTrips(VisitStatus.self))
        #expect(try roundTrips(Level.self))
        #expect(try roundTrips(EventKind.self))
        #expect(try roundTrips(EntityKind.self))
        #expect(try roundTrips(Gender.self))
        #expect(try roundTrips(MetadataSource.self))
        #expect(try roundTrips(AnchorSource.self))
        #expect(try roundTrips(Severity.self))
        #expect(try roundTrips(MentionRole.self))
        #expect(try roundTrips(DocumentNote.Kind.self))
    }

    @Test func anUnknownCodeIsACacheFormatErrorNamingTheType() {
        let bytes: [UInt8] = [UInt8(Level.allCases.count)]
        bytes.withUnsafeBytes { raw in
            var r = ByteReader(raw)
            #expect { _ = try r.raw(Level.self) } throws: { error in
                (error as? CacheFormatError)?.message == "unknown Level code \(Level.allCases.count)"
            }
        }
    }

    @Test func theFingerprintNamesEveryCaseInOrder() {
        let fingerprint = ModelCodec.fingerprint
        #expect(fingerprint.contains("VisitStatus:" + VisitStatus.allCases.map(\.rawValue).joined(separator: ",")))
        #expect(fingerprint.contains("Level:" + Level.allCases.map(\.rawValue).joined(separator: ",")))
        #expect(ModelCodec.cacheCodes.count == 11)
    }
}
