// Text from outside (file names, article text, plugin messages) made safe to print: a control character
// in it would move the cursor, clear the screen or hide what follows (an ANSI escape), or forge a new
// line of output. Every diagnostic printer passes such text through `TerminalText.escaped`.

public enum TerminalText {
    /// `text` with every control character written as an escape a reader can see: `\n`, `\r`, `\t`,
    /// `\x1b` for the other C0 and C1 controls and DEL, `\u{202e}` for the bidirectional overrides.
    /// With `keepingNewlines`, line feeds (and tabs) stay as they are, for multi-line messages.
    public static func escaped(_ text: String, keepingNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0, keepingNewlines: keepingNewlines) }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar, keepingNewlines: keepingNewlines) else {
                result.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                let hex = String(scalar.value, radix: 16)
                result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" + hex : hex) : "\\u{" + hex + "}"
            }
        }
        return result
    }

    static func needsEscape(_ scalar: Unicode.Scalar, keepingNewlines: Bool) -> Bool {
        let v = scalar.value
        if keepingNewlines && (v == 0x0A || v == 0x09) { return false }
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
    }
}
