// A unified diff of two texts, as plugin tests show a report that differs from the expected one.
import Foundation

/// A unified diff of two texts, line by line, with three lines of context.
public enum UnifiedDiff {
    public static func make(from old: String, to new: String, fromName: String = "expected",
                            toName: String = "actual", context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        // The edit script from the standard library, walked into one aligned list of lines.
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        enum Op { case same, remove, insert }
        var ops: [(op: Op, line: String, a: Int, b: Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                ops.append((.remove, a[i], i, j)); i += 1
            } else if j < b.count, inserted.contains(j) {
                ops.append((.insert, b[j], i, j)); j += 1
            } else {
                ops.append((.same, i < a.count ? a[i] : b[j], i, j)); i += 1; j += 1
            }
        }
        let changes = ops.indices.filter { ops[$0].op != .same }
        guard !changes.isEmpty else { return "" }
        // Group changes whose contexts touch into hunks.
        var hunks: [ClosedRange<Int>] = []
        for index in changes {
            let range = max(0, index - context)...min(ops.count - 1, index + context)
            if let last = hunks.last, range.lowerBound <= last.upperBound + 1 {
                hunks[hunks.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                hunks.append(range)
            }
        }
        var out = "--- \(fromName)\n+++ \(toName)\n"
        for hunk in hunks {
            let slice = ops[hunk]
            let oldCount = slice.filter { $0.op != .insert }.count
            let newCount = slice.filter { $0.op != .remove }.count
            let oldStart = (slice.first?.a ?? 0) + (oldCount == 0 ? 0 : 1)
            let newStart = (slice.first?.b ?? 0) + (newCount == 0 ? 0 : 1)
            out += "@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@\n"
            for item in slice {
                switch item.op {
                case .same: out += " \(item.line)\n"
                case .remove: out += "-\(item.line)\n"
                case .insert: out += "+\(item.line)\n"
                }
            }
        }
        return out
    }

    private static func lines(_ text: String) -> [String] {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
