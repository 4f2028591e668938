// Escaping for the HTML pages (reports and the review page): text content and attribute values.

public enum HTMLEscape {
    /// Text content: `&`, `<`, `>`, quotes escaped; control characters (not allowed in XML, and never
    /// meant) replaced with U+FFFD; CR LF and CR as LF.
    public static func text(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "\n"
            default: out.unicodeScalars.append(isForbiddenControl(scalar) ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }

    /// An attribute value (always written between double quotes): as text, line breaks as spaces.
    static func attribute(_ s: String) -> String {
        text(s).replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "\t", with: " ")
    }
}
