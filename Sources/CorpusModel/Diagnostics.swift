// Diagnostics: problems found while reading input, returned as values alongside the model.

import TerminalText

/// How serious a diagnostic is. A `warning` means the input was used (perhaps partly); an `error`
/// means the file, line or record named was skipped.
public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case note, warning, error

    private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// One problem in one input file. Positions are 1-based lines and columns (columns count Unicode
/// scalars) or a 0-based byte offset, whichever the reader knows.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var severity: Severity
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil,
                severity: Severity, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.severity = severity
        self.message = message
    }

    /// `file:line:column: severity: message`, the form compilers use, so editors can jump to it. Control
    /// characters of the file name and the message are escaped.
    public var description: String {
        var place = TerminalText.escaped(file)
        if let line { place += ":\(line)" ; if let column { place += ":\(column)" } }
        if let byteOffset { place += " (byte \(byteOffset))" }
        return "\(place): \(severity.rawValue): \(TerminalText.escaped(message, keepingNewlines: true))"
    }
}

/// A line of an input file, named in messages as `file:line`.
public struct SourceLine: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    public var description: String { "\(TerminalText.escaped(file)):\(line)" }
}
