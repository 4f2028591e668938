// A corrections file refused whole: malformed YAML, an unknown key, a value of the wrong form.
import CorpusModel

public struct CorrectionsError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line, column: column, severity: .error, message: message + "; no correction of this file applied")
    }
    public var description: String { diagnostic.description }
}
