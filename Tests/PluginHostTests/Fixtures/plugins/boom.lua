local function explode(n)
  error(("boom %d"):format(n))
end

return {
  title = "Boom",
  version = "1.0.0",
  categories = { "broken" },
  run = function(ctx)
    explode(42)
  end,
}
