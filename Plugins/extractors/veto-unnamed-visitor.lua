-- An extractor plugin (docs/extractors.md): vetoes a visit candidate whose visitor the rules found only
-- through a title or a pronoun ("the President", "he") when the sentence names no person at all and the
-- scorer doubts it. Such candidates guess the visitor from earlier sentences; with no name in sight and a low
-- confidence they are more often wrong than right. Select it with
--   dossier export visits --extractors Plugins/extractors/veto-unnamed-visitor.lua

local THRESHOLD = 0.5

local function names_a_person(sentence)
  for _, m in ipairs(sentence.mentions) do
    if m.kind == "person" and m.role ~= "titled" then return true end
  end
  return false
end

local function found_by_title_only(candidate)
  for _, rule in ipairs(candidate.rules) do
    if rule == "visitor.title-or-pronoun" then return true end
  end
  return false
end

return {
  name = "veto-unnamed-visitor",
  title = "Veto visits whose visitor is only a title or pronoun",
  version = "1.0",
  kind = "extractor",
  extract = function(sentence, candidates)
    if #candidates == 0 or names_a_person(sentence) then return end
    for c in candidates do
      if found_by_title_only(c) and c.confidence < THRESHOLD then
        c:veto("visitor only a title or pronoun, no person named in the sentence")
      end
    end
  end,
}
