import Foundation
import Testing
@testable import CorpusModel
@testable import ModelCache

/// A document's key spells out its manifest entry's fields: the text must stay the one reflection gave (the keys of
/// existing caches stay valid) and must name every field (a field added to `ManifestEntry` changes the key).
@Suite("document key")
struct DocumentKeyTests {
    /// The key as it was made before: each field by reflection, `label=String(describing: value)` and a NUL.
    private func reflectedKey(rawHash: UInt64, entry: ManifestEntry?, context: UInt64) -> UInt64 {
        var sum = Checksum()
        withUnsafeBytes(of: context.littleEndian) { sum.add($0) }
        withUnsafeBytes(of: rawHash.littleEndian) { sum.add($0) }
        for child in entry.map({ Array(Mirror(reflecting: $0).children) }) ?? [] {
            var text = "\(child.label ?? "")=\(String(describing: child.value))\u{0}"
            text.withUTF8 { sum.add(UnsafeRawBufferPointer($0)) }
        }
        return sum.value | 1
    }

    private let entries: [ManifestEntry?] = [
        nil,
        ManifestEntry(file: "a.txt"),
        ManifestEntry(file: "b c.md", title: "Tô Lâm thăm \"Hà Nội\"\n\t\\ 🇻🇳", date: PartialDate(iso: "2019-06-12"),
                      source: "VnExpress", url: "https://example.org/2019/06/12/x?a=1&b=\u{0}", language: "vi", place: "Hà Nội"),
        ManifestEntry(file: "d.txt", date: PartialDate(iso: "2019-06"), language: "en"),
        ManifestEntry(file: "e.txt", title: "", date: PartialDate(iso: "1998"), source: "", url: "", language: "", place: ""),
        ManifestEntry(file: "f.txt", title: "e\u{301} café ̈x 'quoted' \u{7F}\u{85}\u{2028}", place: "Sài Gòn"),
    ]

    @Test func theKeyIsTheReflectedOne() {
        for entry in entries {
            for (raw, context) in [(UInt64(0), UInt64(0)), (0x1234_5678_9ABC_DEF0, 0x0FED_CBA9_8765_4321)] {
                #expect(DocumentKey.of(rawHash: raw, entry: entry, context: context) == reflectedKey(rawHash: raw, entry: entry, context: context),
                        "\(String(describing: entry))")
            }
        }
    }

    @Test func theTextNamesEveryFieldInOrder() throws {
        let entry = try #require(entries[2])
        let labels = Mirror(reflecting: entry).children.map { $0.label ?? "" }
        let named = DocumentKey.fieldText(entry).split(separator: "\u{0}").map { String($0.prefix { $0 != "=" }) }
        #expect(named == labels)
    }

    @Test func eachFieldChangesTheKey() throws {
        let base = try #require(entries[2])
        let key = DocumentKey.of(rawHash: 7, entry: base, context: 9)
        var changed: [ManifestEntry] = []
        for change in 0..<7 {
            var e = base
            switch change {
            case 0: e.file = "other.txt"
            case 1: e.title = nil
            case 2: e.date = PartialDate(iso: "2019-06-13")
            case 3: e.source = "Nhân Dân"
            case 4: e.url = nil
            case 5: e.language = "en"
            default: e.place = "Huế"
            }
            changed.append(e)
        }
        #expect(Set(changed.map { DocumentKey.of(rawHash: 7, entry: $0, context: 9) }).count == 7)
        #expect(!changed.contains { DocumentKey.of(rawHash: 7, entry: $0, context: 9) == key })
    }
}
