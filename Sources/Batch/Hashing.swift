// Content hashes for the up-to-date check: 64-bit FNV-1a, printed as 16 hex digits. Not for security:
// only to tell whether a plugin file, a module library or a written report changed since the last run.

import Foundation

struct ContentHash {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    mutating func add(_ data: Data) {
        data.withUnsafeBytes { raw in add(raw.bindMemory(to: UInt8.self)) }
    }

    mutating func add(_ text: String) { add(text.utf8) }

    var hex: String { String(format: "%016llx", value) }

    static func of(_ data: Data) -> String {
        var hash = ContentHash()
        hash.add(data)
        return hash.hex
    }

    static func of(_ text: String) -> String {
        var hash = ContentHash()
        hash.add(text)
        return hash.hex
    }

    /// The hash of a file's bytes, or nil when it cannot be read.
    static func of(file url: URL) -> String? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        return of(data)
    }
}
