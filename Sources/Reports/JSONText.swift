// The JSON text of a report without `JSONEncoder`: the same bytes (pretty-printed, keys sorted by their UTF-8
// bytes, slashes left as they are), made by a plain `Encoder` that builds a tree of values and a writer that
// prints it as Foundation's writer does. On a warm run of a report plugin, `JSONEncoder` was about 6% of the
// process's CPU time, most of it the first use of its generic containers and the casts it makes of every value
// (each first cast of a type searches the binary's conformance records).
//
// Whatever this encoder is not sure to write as `JSONEncoder` would (a date, data, a URL, a decimal, a `Float`, a
// number that is not finite, a value that encodes nothing, a super encoder, nesting deeper than 512) makes it throw, and the renderer then
// uses `JSONEncoder` as before. `JSONTextTests` compares the two on every kind of block and on odd strings and
// numbers.

import Foundation

enum JSONText {
    /// The text `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` writes for `value`.
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = TreeEncoder(codingPath: [])
        try value.encode(to: encoder)
        guard let root = encoder.value else { throw Unsupported() }
        var writer = JSONTextWriter()
        writer.bytes.reserveCapacity(64 * 1024)
        try writer.write(root)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Something this encoder leaves to `JSONEncoder`.
    struct Unsupported: Error {}
}

/// A value being built: containers are shared references, so that a container keeps filling its parent's slot.
enum JSONNode {
    case string(String)
    case number(String)
    case bool(Bool)
    case null
    case array(ArrayBox)
    case object(ObjectBox)
    /// What a super encoder would have written (left to `JSONEncoder`).
    case unsupported

    final class ArrayBox { var items: [JSONNode] = [] }
    final class ObjectBox { var members: [String: JSONNode] = [:] }

    /// `JSONEncoder`'s text of a finite `Double`: its description, without a trailing ".0".
    static func number(_ value: Double) throws -> JSONNode {
        guard value.isFinite else { throw JSONText.Unsupported() }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return .number(text)
    }

    /// Types `JSONEncoder` writes in its own way (or may, with other strategies): left to it.
    static func refuses<T>(_ type: T.Type) -> Bool {
        type == Date.self || type == Data.self || type == URL.self || type == Decimal.self || type == Float.self
    }
}

/// An encoder whose value is one node.
final class TreeEncoder: Encoder {
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    var value: JSONNode?

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONNode.ObjectBox
        if case .object(let existing)? = value { box = existing } else { box = JSONNode.ObjectBox(); value = .object(box) }
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONNode.ArrayBox
        if case .array(let existing)? = value { box = existing } else { box = JSONNode.ArrayBox(); value = .array(box) }
        return TreeUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { TreeSingleValueContainer(encoder: self) }

    /// The node of `value`, encoded by its own `encode(to:)` (strings, numbers and booleans directly).
    static func node<T: Encodable>(_ value: T, at codingPath: [any CodingKey]) throws -> JSONNode {
        if JSONNode.refuses(T.self) { throw JSONText.Unsupported() }
        let encoder = TreeEncoder(codingPath: codingPath)
        try value.encode(to: encoder)
        guard let node = encoder.value else { throw JSONText.Unsupported() }
        return node
    }
}

struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.ObjectBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.members[key.stringValue] = .null }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.members[key.stringValue] = .bool(value) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.members[key.stringValue] = .string(value) }
    mutating func encode(_ value: Double, forKey key: Key) throws { box.members[key.stringValue] = try .number(value) }
    mutating func encode(_ value: Float, forKey key: Key) throws { throw JSONText.Unsupported() }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { box.members[key.stringValue] = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        box.members[key.stringValue] = try TreeEncoder.node(value, at: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode.ObjectBox()
        box.members[key.stringValue] = .object(nested)
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayBox()
        box.members[key.stringValue] = .array(nested)
        return TreeUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    // A super encoder's value is left to `JSONEncoder`: the slot it would fill makes the writer throw.
    mutating func superEncoder() -> any Encoder {
        box.members["super"] = .unsupported
        return TreeEncoder(codingPath: codingPath)
    }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        box.members[key.stringValue] = .unsupported
        return TreeEncoder(codingPath: codingPath + [key])
    }
}

struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONNode.ArrayBox
    let codingPath: [any CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Double) throws { box.items.append(try .number(value)) }
    mutating func encode(_ value: Float) throws { throw JSONText.Unsupported() }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: Int64) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt8) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt16) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt32) throws { box.items.append(.number(String(value))) }
    mutating func encode(_ value: UInt64) throws { box.items.append(.number(String(value))) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        box.items.append(try TreeEncoder.node(value, at: codingPath))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONNode.ObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(box: nested, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = JSONNode.ArrayBox()
        box.items.append(.array(nested))
        return TreeUnkeyedContainer(box: nested, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        box.items.append(.unsupported)
        return TreeEncoder(codingPath: codingPath)
    }
}

struct TreeSingleValueContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.value = .null }
    mutating func encode(_ value: Bool) throws { encoder.value = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.value = .string(value) }
    mutating func encode(_ value: Double) throws { encoder.value = try .number(value) }
    mutating func encode(_ value: Float) throws { throw JSONText.Unsupported() }
    mutating func encode(_ value: Int) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: Int64) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt8) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt16) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt32) throws { encoder.value = .number(String(value)) }
    mutating func encode(_ value: UInt64) throws { encoder.value = .number(String(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.value = try TreeEncoder.node(value, at: codingPath)
    }
}

/// Prints a tree as Foundation's JSON writer does with `.prettyPrinted`, `.sortedKeys` and `.withoutEscapingSlashes`:
/// two spaces per level, `"key" : value`, members in the order of their keys' UTF-8 bytes, an empty container as
/// its brackets around an empty line.
struct JSONTextWriter {
    var bytes: [UInt8] = []
    private var indent = 0
    /// Foundation refuses containers nested this deep.
    static let maximumDepth = 512

    mutating func write(_ node: JSONNode, depth: Int = 0) throws {
        switch node {
        case .string(let text): writeString(text)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: bytes.append(contentsOf: "null".utf8)
        case .unsupported: throw JSONText.Unsupported()
        case .array(let box):
            guard depth + 1 < Self.maximumDepth else { throw JSONText.Unsupported() }
            open(UInt8(ascii: "["))
            for (i, item) in box.items.enumerated() {
                if i > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent()
                try write(item, depth: depth + 1)
            }
            close(UInt8(ascii: "]"))
        case .object(let box):
            guard depth + 1 < Self.maximumDepth else { throw JSONText.Unsupported() }
            open(UInt8(ascii: "{"))
            let members = box.members.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
            for (i, member) in members.enumerated() {
                if i > 0 { bytes.append(contentsOf: ",\n".utf8) }
                writeIndent()
                writeString(member.key)
                bytes.append(contentsOf: " : ".utf8)
                try write(member.value, depth: depth + 1)
            }
            close(UInt8(ascii: "}"))
        }
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        indent += 1
    }

    private mutating func close(_ bracket: UInt8) {
        bytes.append(UInt8(ascii: "\n"))
        indent -= 1
        writeIndent()
        bytes.append(bracket)
    }

    private mutating func writeIndent() {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }

    /// A string in quotes: `"` and `\` escaped, the control characters as `\b`, `\f`, `\n`, `\r`, `\t` or `\u00XX`
    /// (lowercase hex); everything else, `/` and non-ASCII included, as its UTF-8 bytes.
    mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var plain = 0 // the start of the bytes not written yet, none of which needs an escape
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain..<i]))
                plain = i + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
                case 0x08: bytes.append(contentsOf: "\\b".utf8)
                case 0x0C: bytes.append(contentsOf: "\\f".utf8)
                case 0x0A: bytes.append(contentsOf: "\\n".utf8)
                case 0x0D: bytes.append(contentsOf: "\\r".utf8)
                case 0x09: bytes.append(contentsOf: "\\t".utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: "\\u00".utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0x0F)])
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[plain...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
