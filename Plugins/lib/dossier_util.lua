-- dossier_util: small pure-Lua helpers shared by the bundled plugins.
--
--   local util = require("dossier_util")
--
-- Nothing here touches the host's globals: functions that need the corpus take it as an argument, so
-- the module can be required from any plugin (or tested with plain `lua5.4`).

local M = {}

-- Text -----------------------------------------------------------------------------------------------

--- Joins the non-nil, non-empty strings of `list` with `sep` (default ", ").
function M.join(list, sep)
  local out = {}
  for _, item in ipairs(list) do
    if item ~= nil and item ~= "" then out[#out + 1] = tostring(item) end
  end
  return table.concat(out, sep or ", ")
end

--- "1" -> "1st", 2 -> "2nd", 11 -> "11th", 75 -> "75th".
function M.ordinal(n)
  local suffix = "th"
  local last2 = n % 100
  if last2 < 11 or last2 > 13 then
    local last = n % 10
    if last == 1 then suffix = "st" elseif last == 2 then suffix = "nd" elseif last == 3 then suffix = "rd" end
  end
  return tostring(n) .. suffix
end

--- "1 visit", "3 visits" (`plural` defaults to `singular .. "s"`).
function M.plural(n, singular, plural)
  return ("%d %s"):format(n, n == 1 and singular or (plural or singular .. "s"))
end

--- Capitalises the first letter of an ASCII word: "occurred" -> "Occurred".
function M.capitalise(text)
  if text == nil then return nil end
  return (text:gsub("^%l", string.upper))
end

-- Levels ---------------------------------------------------------------------------------------------

local LEVEL_NAMES = {
  head_of_party = "Head of party",
  head_of_state = "Head of state",
  head_of_government = "Head of government",
  legislature_head = "Head of legislature",
  deputy_head_of_state = "Deputy head of state",
  deputy_head_of_government = "Deputy head of government",
  minister = "Minister",
  other = "Other",
  high = "High (the four top levels)",
}

--- A level as people read it: "head_of_party" -> "Head of party". Unknown levels are spelled out
--- from their name, so a level added to the host later still reads well.
function M.level_name(level)
  if level == nil then return nil end
  return LEVEL_NAMES[level] or M.capitalise((level:gsub("_", " ")))
end

--- Words for a `min_level` filter: "high-level" or "at the level of minister or above".
function M.level_scope(min_level)
  if min_level == nil then return "at any level" end
  if min_level == "high" then return "at a high level (heads of party, state, government or legislature)" end
  return ("at the level of %s or above"):format(M.level_name(min_level):lower())
end

--- The choices of a `min_level` parameter: "high", then the host's levels, highest first.
function M.level_choices(levels)
  local choices = { "high" }
  for _, level in ipairs(levels) do choices[#choices + 1] = level end
  return choices
end

--- The `min_level` parameter several plugins declare: "high" by default, or any level name.
function M.min_level_param(levels)
  return {
    type = "string",
    default = "high",
    choices = M.level_choices(levels),
    description = "Lowest level counted: \"high\" (the four top levels) or a level name.",
  }
end

--- The `status` parameter of the visit plugins: one status, or "any"; `default` is "occurred" unless given.
function M.status_param(default)
  return {
    type = "string",
    default = default or "occurred",
    choices = { "occurred", "planned", "negated", "any" },
    description = "Visit status counted; \"any\" counts every status.",
  }
end

--- A function giving each level its rank in `levels` (1 = highest; unknown levels rank last).
function M.level_ranker(levels)
  local rank = {}
  for i, level in ipairs(levels) do rank[level] = i end
  return function(level) return rank[level] or #levels + 1 end
end

-- Dates ----------------------------------------------------------------------------------------------
-- Host dates are `Date` userdata (fields year, month, day, iso; comparable with <). These helpers also
-- accept nil and ISO strings, so plugins need not test for either.

--- The ISO text of a date, or nil.
function M.iso(date)
  if date == nil then return nil end
  if type(date) == "string" then return date end
  return date.iso
end

--- "2025-10-09", or "2025-10-09 – 2025-10-11" for a span, or nil when there is no start.
function M.date_span(start_date, end_date)
  local s = M.iso(start_date)
  if s == nil then return nil end
  local e = M.iso(end_date)
  if e ~= nil and e ~= s then return s .. " – " .. e end
  return s
end

--- Year, month and day of a Date, an ISO string ("2025", "2025-10", "2025-10-09") or an os.date table.
--- Missing parts are nil; returns nil when the input holds no year.
function M.ymd(date)
  if date == nil then return nil end
  if type(date) == "string" then
    local y, m, d = date:match("^(%d%d%d%d)%-?(%d?%d?)%-?(%d?%d?)$")
    if y == nil then return nil end
    return math.tointeger(tonumber(y)), math.tointeger(tonumber(m)), math.tointeger(tonumber(d))
  end
  return date.year, date.month, date.day
end

--- Compares two dates (Date, ISO string or nil) for sorting: nil sorts last, and a coarser date sorts
--- by its first day ("2025" before "2025-10"). Returns true when a comes strictly before b.
function M.date_before(a, b)
  if a == nil then return false end
  if b == nil then return true end
  local ay, am, ad = M.ymd(a)
  local by, bm, bd = M.ymd(b)
  if ay ~= by then return ay < by end
  if (am or 0) ~= (bm or 0) then return (am or 0) < (bm or 0) end
  return (ad or 0) < (bd or 0)
end

--- "1950s" for 1950.
function M.decade_label(decade)
  return ("%ds"):format(decade)
end

-- Sorting and counting -------------------------------------------------------------------------------

--- The keys of `t`, sorted by `less` (default: natural order of the keys).
function M.sorted_keys(t, less)
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = k end
  table.sort(keys, less)
  return keys
end

--- Sorts `list` in place by several keys and returns it. Each key is a function of an item; a key
--- given as `{fn, desc = true}` sorts descending. Ties keep a deterministic order only if the last
--- key is unique, so end with an id or a name.
function M.sort_by(list, ...)
  local keys = { ... }
  table.sort(list, function(a, b)
    for _, key in ipairs(keys) do
      local fn, desc = key, false
      if type(key) == "table" then fn, desc = key[1], key.desc end
      local ka, kb = fn(a), fn(b)
      if ka ~= kb then
        if ka == nil then return false end
        if kb == nil then return true end
        if desc then return ka > kb end
        return ka < kb
      end
    end
    return false
  end)
  return list
end

--- Adds `n` (default 1) to `counts[key]`, creating the entry.
function M.bump(counts, key, n)
  counts[key] = (counts[key] or 0) + (n or 1)
end

--- The sum of the values of a `{[key] = number}` table.
function M.total(counts)
  local sum = 0
  for _, n in pairs(counts) do sum = sum + n end
  return sum
end

--- The entries of a `{[key] = count}` table as `{key, count}` pairs, most frequent first, ties by key.
function M.ranked(counts)
  local pairs_list = {}
  for k, n in pairs(counts) do pairs_list[#pairs_list + 1] = { key = k, count = n } end
  return M.sort_by(pairs_list, { function(p) return p.count end, desc = true },
    function(p) return tostring(p.key) end)
end

--- The values of `list` without repeats, in first-seen order; `key` (optional) gives each item's
--- identity.
function M.unique(list, key)
  local seen, out = {}, {}
  for _, item in ipairs(list) do
    local k = key and key(item) or item
    if k ~= nil and not seen[k] then
      seen[k] = true
      out[#out + 1] = item
    end
  end
  return out
end

-- Corpus helpers -------------------------------------------------------------------------------------

--- A cached function from an ISO3 code to the country's display name ("PRK" -> "North Korea"); codes
--- the corpus does not know are shown as they are, and nil as "unknown".
function M.country_namer(corpus)
  local cache = {}
  return function(code)
    if code == nil then return "unknown" end
    local name = cache[code]
    if name == nil then
      local country = corpus.country(code)
      name = country and country.name or code
      cache[code] = name
    end
    return name
  end
end

--- The visit filter for `corpus.visits`, from common params: `status` "any" means no filter.
function M.status_filter(status)
  if status == nil or status == "any" then return nil end
  return status
end

--- The distinct documents of a list of mentions, in corpus order.
function M.documents_of(mentions)
  local seen, docs = {}, {}
  for _, m in ipairs(mentions or {}) do
    local doc = m.document
    if not seen[doc.index] then
      seen[doc.index] = true
      docs[#docs + 1] = doc
    end
  end
  return M.sort_by(docs, function(doc) return doc.index end)
end

--- The name of a document's source, or a stand-in when the corpus does not say.
function M.source_name(doc)
  if doc.source ~= nil and doc.source ~= "" then return doc.source end
  return "unknown source"
end

--- A one-line reference to a document: "Title (Source, 2025-10-09)".
function M.document_label(doc)
  local details = M.join({ M.source_name(doc), M.iso(doc.date) }, ", ")
  return ("%s (%s)"):format(doc.title or doc.path, details)
end

--- A short description of an event, for tables: "Visit: Tô Lâm to North Korea", "Relations
--- established: Vietnam – North Korea", "75th anniversary: diplomatic relations".
function M.describe_event(event, country_name)
  local function participants()
    local names = {}
    for _, p in ipairs(event.participants or {}) do names[#names + 1] = p.name end
    return M.join(names)
  end
  local function countries()
    local names = {}
    for _, code in ipairs(event.countries or {}) do names[#names + 1] = country_name(code) end
    return M.join(names, " – ")
  end
  local kind = event.kind
  if kind == "visit" and event.visit ~= nil then
    local v = event.visit
    return ("Visit: %s to %s"):format(v.visitor_name, country_name(v.destination))
  elseif kind == "relations_established" then
    return "Relations established: " .. (countries() ~= "" and countries() or "countries not named")
  elseif kind == "anniversary" then
    local what = event.label or countries()
    local head = event.ordinal and (M.ordinal(event.ordinal) .. " anniversary") or "Anniversary"
    return what ~= "" and (head .. ": " .. what) or head
  elseif kind == "meeting" then
    local head = event.label and ("Meeting (" .. event.label .. ")") or "Meeting"
    return head .. ": " .. participants()
  elseif kind == "message_exchange" then
    return "Messages exchanged: " .. participants()
  end
  local who = participants()
  return M.capitalise((kind:gsub("_", " "))) .. (who ~= "" and (": " .. who) or "")
end

return M
