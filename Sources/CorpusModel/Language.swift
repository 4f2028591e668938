// The language of a document: an ISO 639 code, with names for the two languages the rules read.

/// A language, by its ISO 639-1 (or 639-3) code: "en", "vi", "es". The rules read `english` and `vietnamese`;
/// other languages are identified (Data/lexicon/language-id) and named, never mined for events.
public struct Language: RawRepresentable, Hashable, Sendable, Codable, Comparable, CustomStringConvertible,
                        ExpressibleByStringLiteral {
    public let rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ code: String) { self.rawValue = code }
    public init(stringLiteral code: String) { self.rawValue = code }

    public static let english: Language = "en"
    public static let vietnamese: Language = "vi"
    /// A text whose letters are mostly of a script no profile knows (ISO 639-2 "und", undetermined): kept as a
    /// document, never read for events.
    public static let undetermined: Language = "und"
    /// The languages the rules read, in the order of their lexicon folders.
    public static let read: [Language] = [.english, .vietnamese]

    /// The ISO code, as exports and the Lua API give it.
    public var code: String { rawValue }
    public var description: String { rawValue }
    public static func < (a: Language, b: Language) -> Bool { a.rawValue < b.rawValue }
}
