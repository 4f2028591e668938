import LuaBridge

/// A state whose `print` output is collected, for tests.
final class CapturedState {
    let state: LuaState
    private let box: Lines

    final class Lines: @unchecked Sendable {
        var lines: [String] = []
    }

    init(profile: LuaProfile = .sandbox, limits: LuaLimits = LuaLimits(), modulePath: [String] = []) throws {
        let box = Lines()
        self.box = box
        state = try LuaState(options: LuaOptions(profile: profile, limits: limits, modulePath: modulePath,
                                                 output: { box.lines.append($0) }))
    }

    /// Everything printed so far, as one string.
    var output: String { box.lines.joined() }
}

/// The error a closure throws, as a `LuaError`.
func luaError(_ body: () throws -> Void) -> LuaError? {
    do {
        try body()
        return nil
    } catch let error as LuaError {
        return error
    } catch {
        return nil
    }
}
