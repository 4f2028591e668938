import LuaBridge

/// Turns "attempt to index a nil value (global 'io')" into a message that names the sandbox and
/// `--unsafe`: reading a global or a library field the sandbox leaves out, or requiring a C module,
/// says why it is missing. Installed on each sandboxed environment with the API; trusted runs (with the
/// full standard library) are left as they are.
enum SandboxGuide {
    static let source = #"""
local env = ...
local error, setmetatable, getmetatable, pairs, type, tostring = error, setmetatable, getmetatable, pairs, type, tostring
local format = string.format
local searchpath, cpath = package.searchpath, package.cpath

local function refusal(what)
  return format("%s is not available in the sandbox: plugins and scripts get string, table, math, utf8, "
    .. "coroutine, os.time/date/clock and debug.traceback, without io, os.execute, C modules or debug; "
    .. "run your own script with --unsafe for the full standard library", what)
end

local function set(names)
  local result = {}
  for _, name in ipairs(names) do result[name] = true end
  return result
end

-- A library as the sandbox gives it, whose missing functions explain themselves.
local function guard(name, library, missing)
  return setmetatable({}, {
    __index = function(_, key)
      local value = library[key]
      if value == nil and missing[key] then error(refusal(name .. "." .. tostring(key)), 2) end
      return value
    end,
    __newindex = function(_, key)
      error(format("attempt to modify read-only table '%s' (field '%s')", name, tostring(key)), 2)
    end,
    __pairs = function() return pairs(library) end,
    __len = function() return #library end,
    __metatable = false,
  })
end

if env.os ~= nil and env.os.execute == nil then
  env.os = guard("os", env.os, set { "execute", "exit", "getenv", "remove", "rename", "tmpname", "setlocale" })
end
if env.debug ~= nil and env.debug.getinfo == nil then
  env.debug = guard("debug", env.debug, set { "debug", "gethook", "getinfo", "getlocal", "getmetatable",
    "getregistry", "getupvalue", "getuservalue", "sethook", "setlocal", "setmetatable", "setupvalue",
    "setuservalue", "upvalueid", "upvaluejoin", "setcstacklimit" })
end

local globals = set { "io", "package", "dofile", "loadfile" }
if getmetatable(env) == nil then
  setmetatable(env, { __index = function(_, key)
    if globals[key] then error(refusal(key), 2) end
  end })
end

local require = env.require
if type(require) == "function" then
  env.require = function(name, ...)
    if type(name) == "string" and searchpath(name, cpath) then
      error(format("module '%s' is a C module: %s", name, refusal("loading C modules")), 2)
    end
    return require(name, ...)
  end
end
"""#

    static func install(into environment: LuaTable, state: LuaState) throws(LuaError) {
        guard state.profile == .sandbox, try environment.get("io").isNil else { return }
        _ = try state.load(string: source, name: "=(sandbox guide)", environment: state.globals).call(LuaValue.table(environment))
    }
}
