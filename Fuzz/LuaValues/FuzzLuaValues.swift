// fuzz-lua-values: the value bridge both ways. An even first byte makes the rest Lua code, run in the
// sandbox under small limits, its results converted to Swift and sent back through a Lua function; an odd
// one makes the rest a tree of Swift values (integers, floats and NaN, strings with NUL and invalid UTF-8,
// nested arrays) sent into Lua and back. What comes back must equal what went in.
import Foundation
import FuzzReplay
import LuaBridge

enum LuaValuesTarget {
    static func run(_ data: Data) {
        guard let mode = data.first,
              let state = try? LuaState(options: LuaOptions(profile: .sandbox, limits: LuaLimits(memoryMiB: 16, timeSeconds: 0.5))),
              let echo = try? state.run("return function(...) return ... end").first?.functionValue else { return }
        var values: [LuaValue]
        if mode & 1 == 0 {
            guard let results = try? state.run(String(decoding: data.dropFirst(), as: UTF8.self), name: "=fuzz") else { return }
            values = results
        } else {
            var reader = ByteReader(bytes: Array(data.dropFirst()))
            values = []
            while !reader.atEnd && values.count < 16 { values.append(reader.value(state: state, depth: 0)) }
        }
        guard let back = try? echo.call(arguments: values) else { return }
        precondition(back.count == values.count, "echo changed the number of values")
        for (sent, received) in zip(values, back) {
            precondition(sent.typeName == received.typeName, "a \(sent.typeName) came back as a \(received.typeName)")
            if isScalar(sent) { precondition(sent == received, "\(sent) came back as \(received)") }
        }
    }

    /// Values compared by content (tables and functions are references; NaN equals nothing).
    static func isScalar(_ value: LuaValue) -> Bool {
        switch value {
        case .nil, .boolean, .integer, .string: return true
        case .number(let x): return !x.isNaN
        default: return false
        }
    }
}

/// Reads Swift values from fuzz bytes.
struct ByteReader {
    var bytes: [UInt8]
    var offset = 0
    var atEnd: Bool { offset >= bytes.count }

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return offset < bytes.count ? bytes[offset] : 0
    }

    mutating func word() -> UInt64 { (0..<8).reduce(UInt64(0)) { word, _ in word << 8 | UInt64(byte()) } }

    mutating func value(state: LuaState, depth: Int) -> LuaValue {
        switch byte() % 6 {
        case 0: return .nil
        case 1: return .boolean(byte() & 1 == 1)
        case 2: return .integer(Int64(bitPattern: word()))
        case 3: return .number(Double(bitPattern: word()))
        case 4:
            let count = Int(byte())
            let end = min(bytes.count, offset + count)
            let text = String(decoding: bytes[min(offset, end)..<end], as: UTF8.self)
            offset = end
            return .string(text)
        default:
            guard depth < 4 else { return .nil }
            var items: [LuaValue] = []
            for _ in 0..<Int(byte() % 8) { items.append(value(state: state, depth: depth + 1)) }
            // An array as a table; nil items leave holes, so it is compared by what Lua gives back.
            return state.value(items)
        }
    }
}

@main struct LuaValuesReplay {
    static func main() { FuzzReplay.main("fuzz-lua-values", LuaValuesTarget.run) }
}
