import Foundation
import JSONOutput

/// JSON Lines of export records, written directly to bytes: the same text `JSONSerialization` gives with
/// `.sortedKeys` and `.withoutEscapingSlashes` (a test compares them), at the cost of the CSV export rather than
/// twice it. Records hold only strings, integers, doubles, booleans, nulls, arrays and dictionaries.
///
/// What it saves: the keys of a dictionary are sorted once per key set (`KeyOrders`), not once per record with
/// Foundation's locale-aware comparison; finite doubles are written from their shortest form, not through
/// `JSONSerialization` one value at a time.
enum JSONLines {
    static func render(_ records: [[String: Any]]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(records.count * 256)
        var orders = KeyOrders()
        for record in records {
            write(record, into: &out, orders: &orders)
            out.append(0x0A)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func write(_ value: Any, into out: inout [UInt8], orders: inout KeyOrders) {
        switch value {
        case let s as String: string(s, into: &out)
        case let d as [String: Any]:
            out.append(UInt8(ascii: "{"))
            for (i, key) in orders.sorted(d.keys).enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                string(key, into: &out)
                out.append(UInt8(ascii: ":"))
                write(d[key]!, into: &out, orders: &orders)
            }
            out.append(UInt8(ascii: "}"))
        case let a as [Any]:
            out.append(UInt8(ascii: "["))
            for (i, item) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                write(item, into: &out, orders: &orders)
            }
            out.append(UInt8(ascii: "]"))
        case let b as Bool: out.append(contentsOf: b ? "true".utf8 : "false".utf8)
        case let n as Int: out.append(contentsOf: String(n).utf8) // a small string: no allocation
        case is NSNull: out.append(contentsOf: "null".utf8)
        case let x as Double:
            if let text = shortForm(x) { out.append(contentsOf: text.utf8) } else { foundation(value, into: &out) }
        default: foundation(value, into: &out)
        }
    }

    /// Anything else goes through Foundation, one value at a time.
    static func foundation(_ value: Any, into out: inout [UInt8]) {
        if let data = try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes]) {
            out.append(contentsOf: data.dropFirst().dropLast())
        }
    }

    /// A double as `JSONSerialization` writes it (its shortest form, without a trailing ".0"), or nil when that
    /// form is not plain decimal digits (infinite, NaN, an exponent): those go through Foundation.
    static func shortForm(_ x: Double) -> String? {
        guard x.isFinite else { return nil }
        var text = x.description
        guard !text.contains("e") else { return nil }
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// The sorted keys of each key set met so far: an export's records share a few key sets, so each is sorted
    /// once. A key set is found by its size and its members (looked up, never sorted again).
    struct KeyOrders {
        private var known: [Int: [[String]]] = [:]
        /// Key sets remembered per size: records of arbitrary shapes are sorted each time past that.
        static let limit = 8

        mutating func sorted(_ keys: Dictionary<String, Any>.Keys) -> [String] {
            for order in known[keys.count] ?? [] where order.allSatisfy(keys.contains) { return order }
            let order = keys.sorted(by: JSONLines.keyOrder)
            if known[keys.count, default: []].count < Self.limit { known[keys.count, default: []].append(order) }
            return order
        }
    }

    /// Foundation's order for `.sortedKeys`: numeric, case-insensitive, and on a tie lower case first.
    static func keyOrder(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, options: [.numeric, .caseInsensitive, .widthInsensitive]) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return swapCase(a) < swapCase(b)
        }
    }

    static func swapCase(_ s: String) -> String {
        String(s.map { c in c.isUppercase ? Character(c.lowercased()) : c.isLowercase ? Character(c.uppercased()) : c })
    }

    static func string(_ s: String, into out: inout [UInt8]) { JSONString.append(s, to: &out) }
}
