import CSV
import CSVOutput
import Foundation
import Testing

/// `CSVText` writes what yaslab/CSV.swift's `CSVWriter` writes, byte for byte, but for a separator followed by a
/// combining mark, which it quotes where the library (searching through NSString, by grapheme) does not.
@Suite("CSV text")
struct CSVTextTests {
    /// The library's writer into memory, as the exports used it before `CSVText`.
    static func library(_ records: [[String]], separator: Unicode.Scalar) throws -> String {
        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream, delimiter: String(separator), newline: .crlf)
        for record in records { try writer.write(row: record) }
        writer.stream.close()
        let data = try #require(stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data)
        return String(decoding: data, as: UTF8.self) + "\r\n"
    }

    static let fields = ["", "plain", "a,b", "a;b", "say \"hi\"", "\"", "\"\"", "x\ny", "x\r\ny", "x\ry", "\r\n", " lead", "trail ",
                         "Tô Lâm", "Hà Nội, Việt Nam", "平壤", "e\u{301}", "tab\there", "🇻🇳 flag", "end\""]

    @Test(arguments: [Unicode.Scalar(","), ";", "\t"])
    func theSameBytesAsTheLibrarysWriter(separator: Unicode.Scalar) throws {
        // Every field alone, then rows of several (each field with each other), an empty row among them.
        var records = [["id", "name", "note"]] + Self.fields.map { [$0] }
        for (i, a) in Self.fields.enumerated() { records.append([a, Self.fields[(i + 7) % Self.fields.count], "\(i)"]) }
        records.insert([], at: 5)
        let mine = CSVText.render(records, separator: separator)
        #expect(mine == (try Self.library(records, separator: separator)))
        #expect(Array(mine.utf8) == Array((try Self.library(records, separator: separator)).utf8))
    }

    @Test func aSeparatorBeforeACombiningMarkIsQuoted() throws {
        let text = CSVText.render([["a,\u{301}b", "c"]])
        #expect(text == "\"a,\u{301}b\",c\r\n")
        // Read back as the two fields written; the library's writer left the first unquoted: three fields.
        let reader = try CSVReader(string: text)
        #expect(reader.next() == ["a,\u{301}b", "c"])
    }

    @Test func aFieldIsQuotedOnlyWhenItMustBe() {
        #expect(CSVText.render([["a", "b,c", "d\"e"], ["x\ny", ""]]) == "a,\"b,c\",\"d\"\"e\"\r\n\"x\ny\",\r\n")
        #expect(CSVText.render([]) == "\r\n")
    }
}
