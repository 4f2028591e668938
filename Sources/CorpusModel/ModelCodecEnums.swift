// The model's small enumerations as one byte each in the model cache: a case is stored as its place among the
// cases (`allCases`), read back by that place, so a cached model's kinds, levels and statuses are decoded without
// building and comparing strings. The cases' names go into `ModelCodec.fingerprint`, so adding, removing or
// reordering a case makes a new cache key and no cache written before is read with the wrong meanings.

protocol CacheCode: CaseIterable, Equatable {
    /// The cases in their stored order (kept once: `allCases` builds a new array on every call).
    static var codes: [Self] { get }
    /// The type's name and cases, for the fingerprint.
    static var codeSignature: String { get }
}

extension CacheCode {
    static func code(of value: Self) -> UInt8 {
        guard let place = codes.firstIndex(of: value) else { preconditionFailure("\(value) is one of \(Self.self).allCases") }
        return UInt8(place)
    }

    static func value(_ code: Int) throws -> Self {
        let all = codes
        guard code < all.count else { throw CacheFormatError("unknown \(Self.self) code \(code)") }
        return all[code]
    }
}

extension CacheCode where Self: RawRepresentable, RawValue == String {
    static var codeSignature: String { "\(Self.self):" + codes.map(\.rawValue).joined(separator: ",") }
}

extension VisitKind: CacheCode { static let codes = Array(allCases) }
extension VisitStatus: CacheCode { static let codes = Array(allCases) }
extension Level: CacheCode { static let codes = Array(allCases) }
extension EventKind: CacheCode { static let codes = Array(allCases) }
extension EntityKind: CacheCode { static let codes = Array(allCases) }
extension Gender: CacheCode { static let codes = Array(allCases) }
extension MetadataSource: CacheCode { static let codes = Array(allCases) }
extension AnchorSource: CacheCode { static let codes = Array(allCases) }
extension Severity: CacheCode { static let codes = Array(allCases) }
extension MentionRole: CacheCode { static let codes = Array(allCases) }
extension DocumentNote.Kind: CacheCode { static let codes = Array(allCases) }

extension ModelCodec {
    /// Every coded enumeration's cases, in the fingerprint.
    static var cacheCodes: [String] {
        [VisitKind.codeSignature, VisitStatus.codeSignature, Level.codeSignature, EventKind.codeSignature,
         EntityKind.codeSignature, Gender.codeSignature, MetadataSource.codeSignature, AnchorSource.codeSignature,
         Severity.codeSignature, MentionRole.codeSignature, DocumentNote.Kind.codeSignature]
    }
}
