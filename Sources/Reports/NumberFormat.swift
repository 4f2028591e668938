// Number formatting shared by the renderers, independent of the locale.

import Foundation

enum NumberFormat {
    /// The shortest text that reads back as `d`, without a trailing ".0" for whole numbers
    /// (3.0 -> "3", 2.5 -> "2.5", 0.1 -> "0.1"); very large or small numbers use an exponent.
    static func shortest(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return "\(d)"
    }

    /// `d` with a fixed number of decimals when `decimals` is set, else `shortest`.
    static func format(_ d: Double, decimals: Int?) -> String {
        guard let decimals else { return shortest(d) }
        return String(format: "%.\(max(0, min(decimals, 15)))f", d)
    }

    /// A cell's value as plain text (no placeholder for null: returns nil).
    static func plain(_ cell: Cell, decimals: Int? = nil) -> String? {
        switch cell {
        case .text(let s): s
        case .integer(let i): String(i)
        case .number(let d): format(d, decimals: decimals)
        case .null: nil
        }
    }
}
