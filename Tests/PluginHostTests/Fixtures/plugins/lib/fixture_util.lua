local M = {}
function M.plural(n, word)
  return ("%d %s%s"):format(n, word, n == 1 and "" or "s")
end
return M
