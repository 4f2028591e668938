/// The sandbox, written in Lua and run once per sandboxed state with the full standard library.
///
/// It returns a function that builds a fresh environment for each chunk from an allow-list. Library
/// tables are read-only views (see `freeze`: every path through them gives read-only views, nested
/// tables included), the shared string metatable is hidden behind a read-only view, `string.dump` is removed from the state, `load` takes text only,
/// `collectgarbage` cannot stop the collector, and `require` finds pure-Lua modules on the plugin
/// search path only.
enum LuaSandbox {
    static let setupSource = #"""
local modulePath = ...
local error, type, tostring, select, next = error, type, tostring, select, next
local rawset, rawget, setmetatable, getmetatable = rawset, rawget, setmetatable, getmetatable
local load, loadfile, searchpath, collectgarbage = load, loadfile, package.searchpath, collectgarbage
local format = string.format

-- Tables handed out read-only: proxy -> its name.
local readonly = setmetatable({}, { __mode = "k" })

local getinfo = debug.getinfo

-- Blames the nearest Lua code: the assignment, or the script that called `table.insert` on a library.
local function refuse(name, key)
  local level = 3
  while getinfo(level + 1, "S") and getinfo(level, "S").what == "C" do level = level + 1 end
  error(format("attempt to modify read-only table '%s' (field '%s')", name, tostring(key)), level)
end

-- A read-only view of `source`: an empty proxy whose locked metatable reads a private copy of it, in
-- which every nested table is itself a view. No path hands out the copy or the source: `pairs` goes
-- through an iterator that reads the copy, `next`/`rawget` see the empty proxy, `rawset` and
-- `__newindex` refuse, `getmetatable` gives false.
local views = setmetatable({}, { __mode = "k" })

local function freeze(name, source)
  if readonly[source] then return source end
  if views[source] then return views[source] end
  local copy = {}
  local function step(_, key) return next(copy, key) end
  local proxy = {}
  setmetatable(proxy, {
    __index = copy,
    __newindex = function(_, key) refuse(name, key) end,
    __pairs = function() return step, proxy, nil end,
    __len = function() return #copy end,
    __metatable = false,
  })
  readonly[proxy] = name
  views[source] = proxy
  for key, value in next, source do
    if type(value) == "table" then value = freeze(name .. "." .. tostring(key), value) end
    copy[key] = value
  end
  return proxy
end

local function pick(source, names)
  local result = {}
  for _, name in ipairs(names) do result[name] = source[name] end
  return result
end

-- string.dump would hand out bytecode, and ("").dump reaches it through the string metatable: both
-- reach a refusal that says why.
string.dump = function()
  error("string.dump is not available in the sandbox: it would hand out bytecode, and only text chunks load here", 2)
end

local libraries = {
  string = freeze("string", string),
  table = freeze("table", table),
  math = freeze("math", math),
  utf8 = freeze("utf8", utf8),
  coroutine = freeze("coroutine", coroutine),
  os = freeze("os", pick(os, { "time", "date", "clock" })),
  debug = freeze("debug", pick(debug, { "traceback" })),
}

-- Every string shares one metatable; scripts see a read-only copy whose __index is the read-only
-- string library.
local stringMeta = getmetatable("")
stringMeta.__metatable = freeze("string metatable", { __index = libraries.string })

local base = pick(_G, {
  "assert", "error", "ipairs", "next", "pairs", "pcall", "print", "rawequal", "rawget", "rawlen",
  "select", "setmetatable", "getmetatable", "tonumber", "tostring", "type", "xpcall", "_VERSION",
})

-- A finalizer runs with hooks off, where no deadline can stop it: the sandbox has none.
base.setmetatable = function(t, meta)
  if type(meta) == "table" and rawget(meta, "__gc") ~= nil then
    error("__gc metamethods are not allowed in the sandbox (a finalizer runs where the time limit cannot stop it)", 2)
  end
  local ok, result = pcall(setmetatable, t, meta)
  if not ok then error(result, 2) end
  return result
end

base.rawset = function(t, key, value)
  if readonly[t] then refuse(readonly[t], key) end
  return rawset(t, key, value)
end

local collectable = { collect = true, count = true, step = true, isrunning = true }
base.collectgarbage = function(option, ...)
  option = option == nil and "collect" or option
  if not collectable[option] then
    error(format("collectgarbage('%s') is not allowed in the sandbox", tostring(option)), 2)
  end
  return collectgarbage(option, ...)
end

local loaded = {}
local newEnvironment

local function requireFrom(name)
  if type(name) ~= "string" then
    error(format("bad argument #1 to 'require' (string expected, got %s)", type(name)), 2)
  end
  local cached = loaded[name]
  if cached ~= nil then return cached end
  if modulePath == "" then
    error(format("module '%s' not found: no plugin search path is set", name), 2)
  end
  local path, notFound = searchpath(name, modulePath)
  if not path then
    error(format("module '%s' not found on the plugin search path (the sandbox loads Lua modules from the "
      .. "plugin folders only, never C modules):%s", name, notFound), 2)
  end
  local chunk, problem = loadfile(path, "t", newEnvironment())
  if not chunk then
    error(format("error loading module '%s' from file '%s':\n\t%s", name, path, problem), 2)
  end
  local result = chunk(name, path)
  if result == nil then result = true end
  loaded[name] = result
  return result, path
end

newEnvironment = function()
  local env = {}
  for key, value in next, base do env[key] = value end
  for key, value in next, libraries do env[key] = value end
  env._G = env
  env.require = requireFrom
  env.load = function(chunk, chunkname, mode, chunkEnv)
    if mode ~= nil and mode ~= "t" then
      error("only text chunks can be loaded in the sandbox (mode 't')", 2)
    end
    if select("#", chunk, chunkname, mode, chunkEnv) < 4 or chunkEnv == nil then chunkEnv = env end
    return load(chunk, chunkname, "t", chunkEnv)
  end
  return env
end

return newEnvironment
"""#
}
