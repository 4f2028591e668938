import Foundation
import Testing
@testable import CorpusModel

@Suite("Reading")
struct ReadingTests {
    @Test("invalid UTF-8 is reported with its byte offset and the rest is read")
    func invalidUTF8() throws {
        var bytes = Array("Hanoi — President Vladimir Putin".utf8)
        let bad = bytes.count
        bytes += [0xFF, 0xC3]
        bytes += Array(" visited Vietnam in June 2024.".utf8)
        let (text, d) = Reader.decode(data: Data(bytes), path: "bad.txt")
        let t = try #require(text)
        #expect(d.count == 2)
        #expect(d.first?.byteOffset == bad && d.first?.file == "bad.txt" && d.first?.severity == .warning)
        #expect(t.text.contains("visited Vietnam in June 2024."))
        #expect(t.text.contains("\u{FFFD}"))
    }

    @Test func emptyAndBinaryFilesAreSkipped() {
        let (e, d1) = Reader.decode(data: Data("  \n\n".utf8), path: "empty.txt")
        #expect(e == nil && d1.first?.message.contains("empty") == true)
        let (b, d2) = Reader.decode(data: Data([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x14]), path: "x.txt")
        #expect(b == nil && d2.first?.message.contains("binary") == true && d2.first?.byteOffset == 4)
    }

    @Test("text is normalised to NFC and the original kept")
    func nfc() throws {
        let decomposed = "To\u{0302} La\u{0302}m" // Tô Lâm with combining marks
        let (t, d) = Reader.decode(data: Data(decomposed.utf8), path: "nfd.txt")
        let text = try #require(t)
        #expect(d.isEmpty)
        #expect(Array(text.text.utf8) == Array("Tô Lâm".utf8))
        #expect(Array(text.original.utf8) == Array(decomposed.utf8))
        // Equal texts hash alike whatever their normalisation.
        let (t2, _) = Reader.decode(data: Data("Tô Lâm".utf8), path: "nfc.txt")
        #expect(t2?.contentHash == text.contentHash)
    }

    @Test func byteOrderMarkAndCRLF() throws {
        let (t, _) = Reader.decode(data: Data([0xEF, 0xBB, 0xBF] + Array("One.\r\nTwo.\r\n".utf8)), path: "bom.txt")
        #expect(try #require(t).text == "One.\nTwo.\n")
    }
}

@Suite("Manifest")
struct ManifestTests {
    @Test func parsesEntries() throws {
        let yaml = """
        documents:
          - file: a.txt
            date: 2025-10-09
            source: VNS
            language: vi
          - file: b.txt
            date: 1961-06
        """
        let (m, d) = CorpusManifest.parse(yaml, path: "manifest.yaml")
        #expect(d.isEmpty)
        #expect(m["a.txt"]?.date?.iso == "2025-10-09" && m["a.txt"]?.source == "VNS" && m["a.txt"]?.language == "vi")
        #expect(m["b.txt"]?.date?.granularity == .month)
    }

    @Test("malformed YAML is reported with line and column")
    func malformedYAML() throws {
        let yaml = "documents:\n  - file: a.txt\n    date: [2025\n  - file: b.txt\n"
        let (m, d) = CorpusManifest.parse(yaml, path: "manifest.yaml")
        #expect(m.isEmpty)
        let e = try #require(d.first)
        #expect(e.file == "manifest.yaml" && e.line != nil && e.column != nil && e.severity == .error)
    }

    @Test("a bad field is reported at its place and the other entries kept")
    func badField() throws {
        let yaml = "documents:\n  - file: a.txt\n    date: 9 October\n  - file: b.txt\n    date: 2019-02-23\n    colour: red\n"
        let (m, d) = CorpusManifest.parse(yaml, path: "m.yaml")
        let bad = try #require(d.first { $0.message.contains("ISO") })
        #expect(bad.line == 3 && bad.column == 11)
        #expect(d.contains { $0.line == 6 && $0.message.contains("colour") })
        #expect(m["b.txt"]?.date?.iso == "2019-02-23" && m["a.txt"]?.date == nil)
    }
}
