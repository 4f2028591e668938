import Foundation
import Testing
@testable import CorpusModel

/// A corpus folder's articles are listed in `String`'s order, whether the names are sorted as bytes (all ASCII)
/// or as Strings.
@Suite("Listing order")
struct ListingOrderTests {
    @Test func asciiNamesAreInStringOrder() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-_.aAbBzZ ~!()") // punctuation below and above the digits and letters
        for _ in 0..<50 {
            let names = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                String((0..<Int.random(in: 0...8, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) + ".txt"
            }
            let distinct = Array(Set(names))
            #expect(CorpusListing.sortedNames(distinct) == distinct.sorted())
        }
        // Names alike in their first 8 bytes and more, as a generated corpus's are.
        let long = ["0000000000-b.txt", "0000000000.txt", "00000000001.txt", "0000000000-a.txt", "000000001.md", "00000000.txt", "0000000.txt"]
        #expect(CorpusListing.sortedNames(long) == long.sorted())
        // A name that is another's prefix comes first.
        #expect(CorpusListing.sortedNames(["ab.txt", "a.txt", "abc.md", "a.md", "B.txt"]) == ["B.txt", "a.md", "a.txt", "ab.txt", "abc.md"])
    }

    @Test func otherNamesAreSortedAsStrings() {
        // A decomposed é (e and U+0301) and a precomposed one are the same String: their bytes differ.
        let names = ["zeta.txt", "e\u{301}te.txt", "\u{E9}tude.txt", "Ärger.txt", "apple.txt", "日本.txt", "etc.txt"]
        #expect(CorpusListing.sortedNames(names) == names.sorted())
        #expect(CorpusListing.sortedNames(names.reversed()) == names.sorted())
        #expect(CorpusListing.sortedNames([]) == [])
    }

    @Test func aFolderIsListedInStringOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("listing-order-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let names = (0..<200).map { String(format: "%06d-", ($0 * 7919) % 200) + ($0 % 3 == 0 ? "Visit.txt" : "visit.txt") } + ["notes.md", "readme"]
        for name in names { try Data("x".utf8).write(to: folder.appendingPathComponent(name)) }
        let listing = CorpusListing(directories: [folder])
        let prefix = folder.path + "/"
        #expect(listing.files.map { String($0.path.dropFirst(prefix.count)) } == names.filter { $0 != "readme" }.sorted())
    }
}
